// Gateway sharding: discord.js's ShardingManager runs one child process a shard and respawns any that die.
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult } from 'discord.js';
import type { Env } from '../config/env.ts';
import type { Logger } from '../log.ts';

export interface ShardManagerOptions {
  env: Env;
  token: string;
  log: Logger;
  /** How often each shard's health is logged. */
  healthEveryMs?: number;
}

const SHARD_SCRIPT = fileURLToPath(new URL('./shard.ts', import.meta.url));
/** Discord lets max_concurrency shards identify each 5 seconds. */
const IDENTIFY_WINDOW_MS = 5_500;

/** GET /gateway/bot through our REST base (discord.js's own helper always asks discord.com). */
async function gatewayBot(env: Env, token: string): Promise<RESTGetAPIGatewayBotResult> {
  const rest = new REST({
    version: '10',
    ...(env.DISCORD_API_BASE_URL ? { api: env.DISCORD_API_BASE_URL } : {}),
  }).setToken(token);
  return (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
}

export async function startShardManager(options: ShardManagerOptions): Promise<ShardingManager> {
  const { env, token, log } = options;
  const info = await gatewayBot(env, token);
  const total = env.SHARD_COUNT === 'auto' || env.SHARD_COUNT === undefined ? info.shards : env.SHARD_COUNT;
  const concurrency = Math.max(1, info.session_start_limit.max_concurrency);
  const manager = new ShardingManager(SHARD_SCRIPT, {
    token,
    totalShards: total,
    respawn: true,
    mode: 'process',
    execArgv: ['--import', 'tsx'],
  });
  manager.on('shardCreate', (shard) => {
    log('info', 'shard spawned', { shard: shard.id, of: total });
    shard.on('ready', () => log('info', 'shard ready', { shard: shard.id }));
    shard.on('disconnect', () => log('warn', 'shard disconnected', { shard: shard.id }));
    shard.on('reconnecting', () => log('warn', 'shard reconnecting', { shard: shard.id }));
    shard.on('death', (child) => {
      const code = 'exitCode' in child ? child.exitCode : undefined;
      log('error', 'shard died; respawning', { shard: shard.id, code });
    });
    shard.on('error', (error) => log('error', 'shard error', { shard: shard.id, error }));
  });
  await manager.spawn({ amount: total, delay: total <= concurrency ? 0 : IDENTIFY_WINDOW_MS, timeout: 60_000 });
  const timer = setInterval(() => {
    for (const shard of manager.shards.values()) {
      const alive = shard.process !== null && shard.process.exitCode === null;
      log('info', 'shard health', { shard: shard.id, alive, ready: shard.ready });
    }
  }, options.healthEveryMs ?? 60_000);
  timer.unref();
  return manager;
}
