// Scrapes /metrics and reads it back with a Prometheus text-format parser, as a Prometheus server would.
import parsePrometheusTextFormat, { type Family } from 'parse-prometheus-text-format';

export interface Scrape {
  contentType: string;
  families: Family[];
  /** The sample of `name` whose labels include all of `labels` (summed over the rest; a histogram's count); 0 if none. */
  value(name: string, labels?: Record<string, string>): number;
}

export async function scrape(base: string): Promise<Scrape> {
  const res = await fetch(`${base}/metrics`);
  if (res.status !== 200) throw new Error(`/metrics answered ${res.status}`);
  const families = parsePrometheusTextFormat(await res.text());
  return {
    contentType: res.headers.get('content-type') ?? '',
    families,
    value(name, labels = {}) {
      const family = families.find((f) => f.name === name);
      return (
        (family?.metrics ?? [])
          .filter((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))
          // This parser keeps a labelled histogram's buckets only: its +Inf bucket is the count.
          .reduce((sum, m) => sum + Number(m.value ?? m.count ?? m.buckets?.['+Inf'] ?? 0), 0)
      );
    },
  };
}

/** Every label value in the exposition, to check that no query or user id ever became one. */
export function labelValues(families: Family[]): string[] {
  return families.flatMap((f) => f.metrics.flatMap((m) => Object.values(m.labels ?? {})));
}
