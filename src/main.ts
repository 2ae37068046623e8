// npm start: gateway bot with a token, HTTP endpoint with a public key and port, else the local console.
import dotenv from 'dotenv';
import { createApp } from './app.ts';
import { ConfigError, configWarnings, dropBlankShardVariables, parseEnv, type Env } from './config/env.ts';
import { DataError } from './corpus/dataError.ts';
import { runConsole } from './cli/console.ts';
import { createGatewayBot } from './discord/gatewayBot.ts';
import { cooldownFromEnv } from './interactions/cooldown.ts';
import { createInteractionHandler } from './interactions/handleInteraction.ts';
import { createLogger, type Logger } from './log.ts';
// Loaded once the bot is up, so the first Traditional Chinese question does not pay for it.
import { warmSimplifier } from './search/simplify.ts';

function fail(message: string): never {
  process.stderr.write(`feud-bot: ${message}\n`);
  process.exit(1);
}

function onSignals(stop: () => Promise<void>, log: Logger): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log('info', 'shutting down', { signal });
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log('error', 'error while shutting down', { error });
        process.exit(0);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  let env: Env;
  try {
    env = parseEnv(process.env);
    dropBlankShardVariables(process.env);
    for (const warning of configWarnings(env)) process.stderr.write(`feud-bot: warning: ${warning}\n`);
  } catch (error) {
    if (error instanceof ConfigError) fail(`configuration: ${error.message}`);
    throw error;
  }
  const log = createLogger(env.LOG_LEVEL ?? 'info');
  let app;
  try {
    app = createApp();
  } catch (error) {
    if (error instanceof DataError) fail(`bad data: ${error.message}`);
    throw error;
  }
  // Limits Discord users, per process (see cooldownFromEnv); the local console has one user and no limit.
  const handle = createInteractionHandler(app, { cooldown: cooldownFromEnv(env) });
  // A closed log pipe must not turn every later log line into another uncaught error (a busy loop).
  process.stderr.on('error', () => undefined);
  // A fault in one interaction must not take the bot down for everyone.
  process.on('unhandledRejection', (reason) => log('error', 'unhandled rejection', { error: reason }));
  process.on('uncaughtException', (error) => log('error', 'uncaught exception', { error }));

  if (env.DISCORD_PUBLIC_KEY && env.PORT !== undefined) {
    const { startHttpMode } = await import('./discord/httpMode.ts');
    const server = await startHttpMode({ env, publicKeyHex: env.DISCORD_PUBLIC_KEY, port: env.PORT, app, handle, log });
    onSignals(() => new Promise<void>((resolve) => server.close(() => resolve())), log);
    warmSimplifier();
    return;
  }
  if (env.DISCORD_TOKEN) {
    if (env.SHARD_COUNT !== undefined) {
      const { createShardFleet } = await import('./discord/shardManager.ts');
      const fleet = createShardFleet({ env, token: env.DISCORD_TOKEN, log });
      onSignals(() => fleet.stop(), log);
      try {
        await fleet.start();
      } catch (error) {
        fail(`could not start the shards: ${error instanceof Error ? error.message : String(error)}`);
      }
      return;
    }
    const bot = createGatewayBot({ token: env.DISCORD_TOKEN, apiBaseUrl: env.DISCORD_API_BASE_URL, handle, log });
    onSignals(() => bot.stop(), log);
    try {
      await bot.start();
    } catch (error) {
      fail(`could not connect to Discord: ${error instanceof Error ? error.message : String(error)}`);
    }
    warmSimplifier();
    return;
  }
  await runConsole({
    input: process.stdin,
    output: process.stdout,
    handle: createInteractionHandler(app),
    ansi: process.stdout.isTTY,
  });
  process.exit(0);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
