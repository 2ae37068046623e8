// What npm start runs, by mode: gateway bot with a token, HTTP endpoint with a public key and port, else the
// local console. src/main.ts starts it; the startup snapshot (src/cli/snapshotEntry.ts) starts it with the app built.
import dotenv from 'dotenv';
import type { Answerer } from './answer/answerQuery.ts';
import { createApp, createPictures } from './app.ts';
import type { Site } from './site/buildSite.ts';
import { ConfigError, configWarnings, dropBlankShardVariables, parseEnv, type Env } from './config/env.ts';
import { DataError } from './corpus/dataError.ts';
import { staleSource } from './io/buildFreshness.ts';
import { runConsole } from './cli/console.ts';
import { cooldownFromEnv } from './interactions/cooldown.ts';
import { createInteractionHandler } from './interactions/handleInteraction.ts';
import { createLogger, type Logger } from './log.ts';
import { closeHealthServer, startHealthServer, type HealthReport } from './ops/healthServer.ts';
import type { Metrics } from './ops/metrics.ts';

function fail(message: string): never {
  process.stderr.write(`feud-bot: ${message}\n`);
  process.exit(1);
}

// systemd and pm2 are told to wait 10 s (README); the drain is bounded well inside the 5 s the bot promises.
const DRAIN_DEADLINE_MS = 4_500;

function onSignals(stop: () => Promise<void>, log: Logger): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log('info', 'shutting down', { signal });
    setTimeout(() => {
      log('error', 'drain did not finish in time; exiting', { ms: DRAIN_DEADLINE_MS });
      process.exit(1);
    }, DRAIN_DEADLINE_MS).unref();
    stop().then(
      () => {
        log('info', 'stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log('error', 'error while shutting down', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

/** HEALTH_PORT's /healthz and /metrics for the gateway and the shard manager (HTTP mode serves them on PORT). */
async function healthEndpoint(
  env: Env,
  log: Logger,
  report: () => HealthReport | Promise<HealthReport>,
  metrics: Metrics['text'],
) {
  if (env.HEALTH_PORT === undefined) return undefined;
  try {
    return await startHealthServer({ port: env.HEALTH_PORT, host: env.HOST ?? '0.0.0.0', report, metrics, log });
  } catch (error) {
    fail(`could not serve HEALTH_PORT: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function main(prebuilt?: Answerer): Promise<void> {
  const stale = staleSource();
  if (stale) fail(`dist/ is older than ${stale}: run npm run build (npm ci does it too)`);
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
    app = prebuilt ?? createApp();
  } catch (error) {
    if (error instanceof DataError) fail(`bad data: ${error.message}`);
    throw error;
  }
  // Limits Discord users, per process (see cooldownFromEnv); the local console has one user and no limit.
  // The timeline picture is drawn once per language (warmed after start-up), never per answer.
  const pictures = createPictures(app);
  const handle = createInteractionHandler(app, {
    cooldown: cooldownFromEnv(env),
    timelineImage: pictures.png,
    articleUrl: env.ARTICLE_URL,
  });
  // A closed log pipe must not turn every later log line into another uncaught error (a busy loop).
  process.stderr.on('error', () => undefined);
  // A fault in one interaction must not take the bot down for everyone.
  process.on('unhandledRejection', (reason) => log('error', 'unhandled rejection', { error: reason }));
  process.on('uncaughtException', (error) => log('error', 'uncaught exception', { error }));

  if (env.DISCORD_PUBLIC_KEY && env.PORT !== undefined) {
    const { startHttpMode } = await import('./discord/httpMode.ts');
    let site: Promise<Site> | undefined;
    const lazySite = () => (site ??= import('./site/buildSite.ts').then(({ buildSite }) => buildSite(app, pictures)));
    const server = await startHttpMode({
      env,
      publicKeyHex: env.DISCORD_PUBLIC_KEY,
      port: env.PORT,
      app,
      handle,
      log,
      site: lazySite,
    });
    onSignals(() => server.drain(), log);
    return;
  }
  if (env.DISCORD_TOKEN) {
    if (env.SHARD_COUNT !== undefined) {
      const { createShardFleet } = await import('./discord/shardManager.ts');
      const fleet = createShardFleet({ env, token: env.DISCORD_TOKEN, log });
      const { createMetrics } = await import('./ops/metrics.ts');
      const metrics = createMetrics({ mode: 'manager', fingerprint: app.version });
      const health = await healthEndpoint(
        env,
        log,
        () => fleet.health(),
        () => fleet.metrics(metrics),
      );
      onSignals(async () => {
        await fleet.stop();
        if (health) await closeHealthServer(health);
      }, log);
      try {
        await fleet.start();
      } catch (error) {
        fail(`could not start the shards: ${error instanceof Error ? error.message : String(error)}`);
      }
      return;
    }
    // Imported here, not at the top: HTTP mode and the console never load discord.js.
    const { createGatewayBot } = await import('./discord/gatewayBot.ts');
    // prom-client is imported by the modes that serve it at start; HTTP mode loads it after its first answer.
    const { createMetrics } = await import('./ops/metrics.ts');
    const metrics = createMetrics({ mode: 'gateway', fingerprint: app.version });
    const bot = createGatewayBot({
      token: env.DISCORD_TOKEN,
      apiBaseUrl: env.DISCORD_API_BASE_URL,
      handle,
      log,
      metrics,
    });
    const health = await healthEndpoint(
      env,
      log,
      () => bot.health(),
      () => metrics.text(),
    );
    onSignals(async () => {
      await bot.stop();
      if (health) await closeHealthServer(health);
    }, log);
    try {
      await bot.start();
    } catch (error) {
      fail(`could not connect to Discord: ${error instanceof Error ? error.message : String(error)}`);
    }
    setImmediate(() => {
      app.warm();
      pictures.warm();
    });
    return;
  }
  await runConsole({
    input: process.stdin,
    output: process.stdout,
    handle: createInteractionHandler(app, { timelineImage: pictures.png }),
    ansi: process.stdout.isTTY,
  });
  process.exit(0);
}

export function start(prebuilt?: Answerer): void {
  main(prebuilt).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
}
