// Gateway sharding: discord.js's ShardingManager runs one child process a shard; we respawn the dead with backoff.
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult, type Shard } from 'discord.js';
import { AggregatorRegistry, type MetricObjectWithValues, type MetricValue } from 'prom-client';
import type { Env } from '../config/env.ts';
import type { Logger } from '../log.ts';
import type { HealthReport } from '../ops/healthServer.ts';
import type { Metrics } from '../ops/metrics.ts';
import { SHARD_METRICS_SCRIPT } from './shardMetrics.ts';

export interface ShardManagerOptions {
  env: Env;
  token: string;
  log: Logger;
  /** How often each shard's health is logged. */
  healthEveryMs?: number;
}

export interface ShardFleet {
  /** Undefined until start() has asked Discord how many shards to run. */
  readonly manager: ShardingManager | undefined;
  /** Asks Discord for the shard count, spawns every shard and resolves once all are ready (or stop() was called). */
  start(): Promise<void>;
  /** Stops respawning, asks every shard to drain (SIGTERM), and waits until each child process has exited. */
  stop(): Promise<void>;
  /** Ready once every shard's process is up and its session ready; a shard closed for good is not. */
  health(): HealthReport;
  /** The manager's own metrics summed with every live shard's (interactions, pings, memory). */
  metrics(own: Metrics): Promise<string>;
}

// Bundled (dist/*.js, or the startup snapshot's dist/snapshot-entry.cjs) the shards run dist/shard.js with plain
// node; from source they run TypeScript as this process does.
const COMPILED = !import.meta.url.endsWith('.ts');
const SHARD_SCRIPT = fileURLToPath(new URL(COMPILED ? './shard.js' : './shard.ts', import.meta.url));
// Resolved here so a shard starts whatever the working directory.
const SHARD_EXEC_ARGV = COMPILED ? [] : ['--import', import.meta.resolve('tsx')];
/** Discord lets max_concurrency shards identify each 5 seconds. */
const IDENTIFY_WINDOW_MS = 5_500;
const READY_TIMEOUT_MS = 60_000;
// A shard that keeps dying must not burn the daily identify budget: 1 s, 2 s, 4 s … up to a minute.
const RESPAWN_BASE_MS = 1_000;
const RESPAWN_MAX_MS = 60_000;
/** A shard that lived this long before dying is respawned at once-ish again, not with a grown delay. */
const STABLE_AFTER_MS = 60_000;
// Inside main's 4.5 s drain deadline; a shard drains in at most 3.5 s (shard.ts).
const STOP_GRACE_MS = 4_000;
const PING_TIMEOUT_MS = 2_000;

/** GET /gateway/bot through our REST base (discord.js's own helper always asks discord.com). */
async function gatewayBot(env: Env, token: string): Promise<RESTGetAPIGatewayBotResult> {
  const rest = new REST({
    version: '10',
    ...(env.DISCORD_API_BASE_URL ? { api: env.DISCORD_API_BASE_URL } : {}),
  }).setToken(token);
  return (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
}

/** Created apart from start() so a signal during start-up already finds something to stop. */
export function createShardFleet(options: ShardManagerOptions): ShardFleet {
  const { env, token, log } = options;
  let manager: ShardingManager | undefined;
  let stopping = false;
  let total: number | undefined;
  /** Until every shard has been ready once, a shard that is not is still starting. */
  let wasReady = false;
  let healthTimer: NodeJS.Timeout | undefined;
  const respawnTimers = new Set<NodeJS.Timeout>();
  const failures = new Map<number, number>();
  const spawnedAt = new Map<number, number>();

  function respawnLater(shard: Shard): void {
    const lived = Date.now() - (spawnedAt.get(shard.id) ?? 0);
    const failed = lived >= STABLE_AFTER_MS ? 1 : (failures.get(shard.id) ?? 0) + 1;
    failures.set(shard.id, failed);
    const delayMs = Math.min(RESPAWN_MAX_MS, RESPAWN_BASE_MS * 2 ** (failed - 1));
    log('error', 'shard died; respawning', { shard: shard.id, inMs: delayMs, failures: failed });
    const timer = setTimeout(() => {
      respawnTimers.delete(timer);
      if (stopping || shard.process) return;
      shard
        .spawn(READY_TIMEOUT_MS)
        .catch((error: unknown) => log('warn', 'respawned shard did not become ready', { shard: shard.id, error }));
    }, delayMs);
    respawnTimers.add(timer);
  }

  function watch(shard: Shard, total: number): void {
    shard.on('spawn', (child) => {
      // discord.js spawns the next shard after a delay even if we are stopping meanwhile.
      if (stopping) return shard.kill();
      spawnedAt.set(shard.id, Date.now());
      log('info', 'shard spawned', { shard: shard.id, of: total, pid: 'pid' in child ? child.pid : undefined });
    });
    // The shard logs these itself too; the manager's lines say what the supervisor saw, over IPC.
    shard.on('ready', () => {
      if (allReady(shardStates())) wasReady = true;
      log('info', 'shard process ready', { shard: shard.id });
    });
    shard.on('resume', () => log('info', 'shard process resumed', { shard: shard.id }));
    shard.on('disconnect', () => log('warn', 'shard process disconnected', { shard: shard.id }));
    shard.on('reconnecting', () => log('warn', 'shard process reconnecting', { shard: shard.id }));
    shard.on('death', (child) => {
      const exit = 'exitCode' in child ? { code: child.exitCode, signal: child.signalCode } : {};
      if (stopping) return log('info', 'shard stopped', { shard: shard.id, ...exit });
      log('error', 'shard died', { shard: shard.id, ...exit });
      respawnLater(shard);
    });
    shard.on('error', (error) => log('error', 'shard error', { shard: shard.id, error }));
  }

  async function logHealth(): Promise<void> {
    for (const shard of manager?.shards.values() ?? []) {
      const child = shard.process;
      const alive = child !== null && child.exitCode === null && child.signalCode === null;
      const ping = alive ? await fetchPing(shard) : undefined;
      log(alive && shard.ready ? 'info' : 'warn', 'shard health', {
        shard: shard.id,
        pid: child?.pid,
        alive,
        ready: shard.ready,
        pingMs: ping,
      });
    }
  }

  async function stop(): Promise<void> {
    stopping = true;
    clearInterval(healthTimer);
    for (const timer of respawnTimers) clearTimeout(timer);
    respawnTimers.clear();
    await Promise.all(
      [...(manager?.shards.values() ?? [])].map(async (shard) => {
        const child = shard.process;
        if (!child) return;
        const exited = child.exitCode === null && child.signalCode === null ? once(child, 'exit') : undefined;
        shard.kill();
        if (!exited) return;
        const grace = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
        await exited.finally(() => clearTimeout(grace));
      }),
    );
  }

  async function start(): Promise<void> {
    const info = await gatewayBot(env, token);
    if (stopping) return;
    total = env.SHARD_COUNT === 'auto' || env.SHARD_COUNT === undefined ? info.shards : env.SHARD_COUNT;
    const concurrency = Math.max(1, info.session_start_limit.max_concurrency);
    manager = new ShardingManager(SHARD_SCRIPT, {
      token,
      totalShards: total,
      // discord.js would respawn at once, forever; we respawn ourselves with a delay that grows.
      respawn: false,
      mode: 'process',
      execArgv: SHARD_EXEC_ARGV,
    });
    const count = total;
    manager.on('shardCreate', (shard) => watch(shard, count));
    healthTimer = setInterval(() => void logHealth(), options.healthEveryMs ?? 60_000);
    healthTimer.unref();
    log('info', 'starting shards', { total, maxConcurrency: concurrency, recommended: info.shards });
    try {
      await manager.spawn({
        amount: total,
        delay: total <= concurrency ? 0 : IDENTIFY_WINDOW_MS,
        timeout: READY_TIMEOUT_MS,
      });
    } catch (error) {
      // A shard killed by stop() fails its spawn: that is the shutdown, not a start-up failure.
      if (stopping) return;
      await stop();
      throw error;
    }
    void logHealth();
  }

  function shardStates(): Record<number, string> {
    return Object.fromEntries(
      [...(manager?.shards.values() ?? [])].map((shard) => [shard.id, shardState(shard)] as const),
    );
  }

  function allReady(shards: Record<number, string>): boolean {
    const states = Object.values(shards);
    return total !== undefined && states.length === total && states.every((state) => state === 'ready');
  }

  function health(): HealthReport {
    const shards = shardStates();
    const all = allReady(shards);
    if (all) wasReady = true;
    const status = stopping ? 'draining' : all ? 'ready' : wasReady ? 'disconnected' : 'starting';
    return { ready: status === 'ready', status, shards };
  }

  async function metrics(own: Metrics): Promise<string> {
    const parts: MetricObjectWithValues<MetricValue<string>>[][] = [await own.registry.getMetricsAsJSON()];
    const live = [...(manager?.shards.values() ?? [])].filter((shard) => shard.process !== null);
    const fromShards = await Promise.all(live.map((shard) => withTimeout(shard.eval(SHARD_METRICS_SCRIPT))));
    for (const part of fromShards)
      if (Array.isArray(part)) parts.push(part as MetricObjectWithValues<MetricValue<string>>[]);
    return AggregatorRegistry.aggregate(parts).metrics();
  }

  return {
    get manager() {
      return manager;
    },
    start,
    stop,
    health,
    metrics,
  };
}

function shardState(shard: Shard): string {
  const child = shard.process;
  if (child === null || child.exitCode !== null || child.signalCode !== null) return 'down';
  return shard.ready ? 'ready' : 'connecting';
}

/** The value, or undefined if the shard does not answer in time or fails. */
async function withTimeout<T>(promise: Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), PING_TIMEOUT_MS);
  });
  try {
    return await Promise.race([promise, timeout]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/** The shard's heartbeat round trip, or undefined if its process does not answer in time. */
async function fetchPing(shard: Shard): Promise<number | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), PING_TIMEOUT_MS);
  });
  try {
    const ping = await Promise.race([shard.fetchClientValue('ws.ping'), timeout]);
    // -1 until the first heartbeat has been acknowledged.
    return typeof ping === 'number' && ping >= 0 ? ping : undefined;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
