// The one log line per interaction every transport writes: info without the query, the query at debug.
import { performance } from 'node:perf_hooks';
import type { Fields, Logger } from '../log.ts';
import type { Outcome } from './handleInteraction.ts';

export function logOutcome(log: Logger, outcome: Outcome, startedMs: number, extra: Fields = {}): void {
  log('info', 'interaction', {
    id: outcome.id,
    kind: outcome.kind,
    subcommand: outcome.subcommand,
    locale: outcome.locale,
    results: outcome.results,
    cooldown: outcome.cooldown,
    ms: Math.round((performance.now() - startedMs) * 100) / 100,
    ...extra,
  });
  log('debug', 'interaction query', { id: outcome.id, query: outcome.query });
}
