// One shard's process, spawned by the ShardingManager: discord.js reads SHARDS and SHARD_COUNT itself.
import dotenv from 'dotenv';
import { createApp } from '../app.ts';
import { parseEnv } from '../config/env.ts';
import { createInteractionHandler } from '../interactions/handleInteraction.ts';
import { createLogger } from '../log.ts';
import { createGatewayBot } from './gatewayBot.ts';

dotenv.config({ quiet: true });
const env = parseEnv(process.env);
const log = createLogger(env.LOG_LEVEL ?? 'info');
process.on('unhandledRejection', (reason) => log('error', 'unhandled rejection', { error: reason }));
process.on('uncaughtException', (error) => log('error', 'uncaught exception', { error }));
const bot = createGatewayBot({
  token: env.DISCORD_TOKEN ?? '',
  apiBaseUrl: env.DISCORD_API_BASE_URL,
  handle: createInteractionHandler(createApp()),
  log,
});
const stop = () => void bot.stop().finally(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
await bot.start();
