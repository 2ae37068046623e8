// Prometheus metrics for every mode, with prom-client. Labels are closed sets: never a query or a user id.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { FEUD_COMMAND } from '../../commands/feud.ts';
import type { Outcome } from '../interactions/handleInteraction.ts';
import { BUILD_VERSION } from './buildInfo.ts';

export type InteractionResult = 'found' | 'no_match' | 'invalid' | 'cooldown' | 'error';
export type Mode = 'http' | 'gateway' | 'shard' | 'manager';

const SUBCOMMANDS: ReadonlySet<string> = new Set(FEUD_COMMAND.options.map((o) => o.name));
// The handler answers in well under a millisecond; the top buckets catch a stalled event loop.
const HANDLE_BUCKETS = [0.0002, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

export interface Metrics {
  readonly registry: Registry;
  /** One answered (or failed) interaction; `seconds` is the handler's time. */
  interaction(outcome: Outcome, seconds: number, failed?: boolean): void;
  /** Reads each shard's heartbeat round trip in ms (-1: none yet) whenever /metrics is scraped. */
  pingSource(read: () => Iterable<[shard: number, pingMs: number]>): void;
  /** The Prometheus text exposition. */
  text(): Promise<string>;
}

export function resultOf(outcome: Outcome, failed = false): InteractionResult {
  if (failed) return 'error';
  if (outcome.cooldown !== undefined) return 'cooldown';
  if (outcome.kind === 'invalid' || outcome.kind === 'unsupported' || outcome.answer === 'invalid') return 'invalid';
  if (outcome.answer === 'notFound') return 'no_match';
  if (outcome.kind === 'ping' || outcome.results > 0) return 'found';
  // A component click that found nothing to show was stale or someone else's; an empty autocomplete matched nothing.
  return outcome.kind === 'component' ? 'invalid' : 'no_match';
}

export function createMetrics(options: { mode: Mode; fingerprint?: string; defaults?: boolean }): Metrics {
  const registry = new Registry();
  if (options.defaults !== false) collectDefaultMetrics({ register: registry });
  const interactions = new Counter({
    name: 'feud_interactions_total',
    help: 'Interactions answered, by kind, subcommand and result',
    labelNames: ['kind', 'subcommand', 'result'] as const,
    registers: [registry],
  });
  const handleSeconds = new Histogram({
    name: 'feud_interaction_handle_seconds',
    help: 'Time from an interaction received to its response composed',
    labelNames: ['kind'] as const,
    buckets: HANDLE_BUCKETS,
    registers: [registry],
  });
  let readPings: (() => Iterable<[number, number]>) | undefined;
  new Gauge({
    name: 'feud_gateway_ping_seconds',
    help: 'Heartbeat round trip of each gateway shard',
    labelNames: ['shard'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [shard, ms] of readPings?.() ?? []) if (ms >= 0) this.set({ shard: String(shard) }, ms / 1000);
    },
  });
  new Gauge({
    name: 'feud_build_info',
    help: 'Always 1: the running build',
    labelNames: ['version', 'node', 'mode'] as const,
    registers: [registry],
    // Every shard reports the same build: aggregated, it stays 1.
    aggregator: 'max',
  }).set({ version: BUILD_VERSION, node: process.versions.node, mode: options.mode }, 1);
  if (options.fingerprint !== undefined) {
    new Gauge({
      name: 'feud_corpus_info',
      help: 'Always 1: the fingerprint of the corpus being served (changes when the searchable documents do)',
      labelNames: ['fingerprint'] as const,
      registers: [registry],
      aggregator: 'max',
    }).set({ fingerprint: options.fingerprint }, 1);
  }

  return {
    registry,
    interaction(outcome, seconds, failed = false) {
      const subcommand =
        outcome.subcommand !== undefined && SUBCOMMANDS.has(outcome.subcommand) ? outcome.subcommand : '';
      interactions.inc({ kind: outcome.kind, subcommand, result: resultOf(outcome, failed) });
      handleSeconds.observe({ kind: outcome.kind }, seconds);
    },
    pingSource(read) {
      readPings = read;
    },
    text: () => registry.metrics(),
  };
}
