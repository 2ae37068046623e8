// How the shard manager reads a shard's metrics over discord.js's eval IPC: the shard hangs them on its client.
import type { Client } from 'discord.js';
import type { Metrics } from '../ops/metrics.ts';

const KEY = 'feudMetrics';

/** Evaluated in the shard with the client as `this`; a plain string so no bundler can rename anything in it. */
export const SHARD_METRICS_SCRIPT = `typeof this.${KEY} === 'function' ? this.${KEY}() : null`;

export function exposeShardMetrics(client: Client, metrics: Metrics): void {
  Object.assign(client, { [KEY]: () => metrics.registry.getMetricsAsJSON() });
}
