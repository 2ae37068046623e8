// Metrics whose prom-client loads after the first answer: a serverless HTTP deployment answers its first
// interaction ~10 ms sooner. What happens before it has loaded is kept and counted once it has.
import type { Metrics } from './metrics.ts';

/** What HTTP mode records and serves, and how it lets go of a load still under way. */
export interface MetricsSink extends Pick<Metrics, 'interaction' | 'text'> {
  /** No load starts after this; resolves once one already started has settled (a drain waits for it). */
  close(): Promise<void>;
}

/** Load within this long even if no interaction comes: a scrape then finds the metrics ready. */
const LOAD_AFTER_MS = 2_000;

/**
 * `onError` hears a failed load; the next record or scrape tries again. A load is never left to reject unheard:
 * an unhandled rejection would stop the process.
 */
export function deferredMetrics(load: () => Promise<Metrics>, onError: (error: unknown) => void): MetricsSink {
  let real: Metrics | undefined;
  let loading: Promise<Metrics> | undefined;
  let closed = false;
  const early: Array<Parameters<Metrics['interaction']>> = [];
  const start = (): Promise<Metrics> =>
    (loading ??= load().then(
      (m) => {
        real = m;
        for (const args of early.splice(0)) m.interaction(...args);
        return m;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  const startQuietly = () => {
    if (!closed) start().catch(onError);
  };
  const timer = setTimeout(startQuietly, LOAD_AFTER_MS);
  timer.unref();
  return {
    interaction(...args) {
      if (real) return real.interaction(...args);
      early.push(args);
      // After this answer has gone out, not before it: the response is sent once this handler returns.
      if (!loading) setImmediate(startQuietly);
    },
    text: async () => (await start()).text(),
    async close() {
      closed = true;
      clearTimeout(timer);
      await loading?.catch(() => undefined);
    },
  };
}
