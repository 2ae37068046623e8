// One shard's process, spawned by the ShardingManager: discord.js reads SHARDS and SHARD_COUNT itself.
import dotenv from 'dotenv';
import { Events } from 'discord.js';
import { createApp, createPictures } from '../app.ts';
import { parseEnv } from '../config/env.ts';
import { cooldownFromEnv } from '../interactions/cooldown.ts';
import { createInteractionHandler } from '../interactions/handleInteraction.ts';
import { createLogger } from '../log.ts';
import { createMetrics } from '../ops/metrics.ts';
import { createGatewayBot } from './gatewayBot.ts';
import { exposeShardMetrics } from './shardMetrics.ts';

dotenv.config({ quiet: true });
const env = parseEnv(process.env);
const log = createLogger(env.LOG_LEVEL ?? 'info');
// A log pipe closed under us (the manager's terminal gone) must not turn every log line into an uncaught error.
process.stderr.on('error', () => undefined);
process.on('unhandledRejection', (reason) => log('error', 'unhandled rejection', { error: reason }));
process.on('uncaughtException', (error) => log('error', 'uncaught exception', { error }));
const app = createApp();
// The manager sums these with its own; it reports memory and CPU for the whole fleet.
const metrics = createMetrics({ mode: 'shard', fingerprint: app.version });
const pictures = createPictures(app);
const bot = createGatewayBot({
  token: env.DISCORD_TOKEN ?? '',
  apiBaseUrl: env.DISCORD_API_BASE_URL,
  handle: createInteractionHandler(app, {
    cooldown: cooldownFromEnv(env),
    timelineImage: pictures.png,
    articleUrl: env.ARTICLE_URL,
  }),
  log,
  metrics,
});
exposeShardMetrics(bot.client, metrics);

// The drain (answer what arrives until the close, finish callbacks in flight) ends inside the manager's 4 s grace.
const STOP_GRACE_MS = 3_500;
let stopping = false;
function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  // Logging out needs the gateway; if it cannot be reached, leave anyway.
  setTimeout(() => process.exit(code === 0 ? 1 : code), STOP_GRACE_MS).unref();
  void bot.stop().finally(() => process.exit(code));
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
// The manager is gone (crashed or killed): an orphaned shard would hold a session nobody supervises.
process.on('disconnect', () => stop(0));
// discord.js gives up on this shard for good (bad token, bad intents) but keeps the process alive and "ready";
// exiting hands the decision to the manager, whose respawn backs off.
bot.client.on(Events.ShardDisconnect, () => stop(1));

try {
  await bot.start();
  // Off the start-up path: a font problem is logged as an uncaught exception, not as a failed connection.
  setImmediate(() => {
    app.warm();
    pictures.warm();
  });
} catch (error) {
  log('error', 'shard could not connect to Discord', { error });
  stop(1);
}
