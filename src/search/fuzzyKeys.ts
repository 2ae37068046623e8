// Fuse.js over vocabulary keys, bucketed by letter so a typo is compared with a few dozen keys, not all.
import Fuse from 'fuse.js';
import { FUSE_OPTIONS, SEARCH } from './options.ts';

type Entry = { key: string };

/**
 * Most typos keep the first letter ("Zukerberg", "Mircosoft"); those that do not usually keep the
 * second ("Nusk"). So a word is matched against keys sharing its first letter, then its second.
 */
export class FuzzyKeys {
  private readonly byFirst = new Map<string, Fuse<Entry>>();
  private readonly bySecond = new Map<string, Fuse<Entry>>();

  constructor(keys: readonly string[], threshold: number = FUSE_OPTIONS.threshold ?? 0.3) {
    const group = (at: number) => {
      const buckets = new Map<string, Entry[]>();
      for (const key of keys) {
        const c = [...key][at];
        if (c === undefined) continue;
        buckets.set(c, [...(buckets.get(c) ?? []), { key }]);
      }
      return buckets;
    };
    for (const [c, entries] of group(0)) this.byFirst.set(c, new Fuse(entries, { ...FUSE_OPTIONS, threshold }));
    for (const [c, entries] of group(1)) this.bySecond.set(c, new Fuse(entries, { ...FUSE_OPTIONS, threshold }));
  }

  /** Keys within the threshold and at most maxLengthDelta longer or shorter, closest first. */
  search(word: string): Array<{ key: string; score: number }> {
    const chars = [...word];
    const run = (fuse: Fuse<Entry> | undefined) =>
      (fuse?.search(word, { limit: 12 }) ?? [])
        .map((r) => ({ key: r.item.key, score: r.score ?? 1 }))
        .filter((r) => Math.abs([...r.key].length - chars.length) <= SEARCH.maxLengthDelta);
    const first = run(this.byFirst.get(chars[0] ?? ''));
    return first.length > 0 ? first : run(this.bySecond.get(chars[1] ?? ''));
  }
}
