// Metrics whose prom-client loads after the first answer: a serverless HTTP deployment answers its first
// interaction ~10 ms sooner. What happens before it has loaded is kept and counted once it has.
import type { Metrics } from './metrics.ts';

/** What HTTP mode records and serves. */
export type MetricsSink = Pick<Metrics, 'interaction' | 'text'>;

/** Load within this long even if no interaction comes: a scrape then finds the metrics ready. */
const LOAD_AFTER_MS = 2_000;

export function deferredMetrics(load: () => Promise<Metrics>): MetricsSink {
  let real: Metrics | undefined;
  let loading: Promise<Metrics> | undefined;
  const early: Array<Parameters<Metrics['interaction']>> = [];
  const start = (): Promise<Metrics> =>
    (loading ??= load().then((m) => {
      real = m;
      for (const args of early.splice(0)) m.interaction(...args);
      return m;
    }));
  const timer = setTimeout(() => void start(), LOAD_AFTER_MS);
  timer.unref();
  return {
    interaction(...args) {
      if (real) return real.interaction(...args);
      early.push(args);
      // After this answer has gone out, not before it: the response is sent once this handler returns.
      if (!loading) setImmediate(() => void start());
    },
    text: async () => (await start()).text(),
  };
}
