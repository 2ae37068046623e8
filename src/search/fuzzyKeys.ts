// Fuse.js over vocabulary keys, bucketed by letter so a typo is compared with a few dozen keys, not all.
import Fuse from 'fuse.js';
import { FUSE_OPTIONS, SEARCH } from './options.ts';

type Entry = { key: string };

/**
 * Fuse scores a match by errors per pattern letter, so one threshold lets a long word take more edits. A
 * real typo is one edit ("Sutskevar"), two in a long word; "weather" is two edits from "neither" and
 * no typo of it. (Swapped letters are caught before Fuse, by exact look-up.)
 */
function maxErrors(length: number, threshold: number): number {
  const strict = length >= 9 ? 2 : 1;
  return threshold > (FUSE_OPTIONS.threshold ?? 0.3) ? strict + 1 : strict;
}

/**
 * Most typos keep the first letter ("Zukerberg", "Mircosoft"); those that do not usually keep the
 * second ("Nusk"). So a word is matched against keys sharing its first letter, then its second.
 */
export class FuzzyKeys {
  private readonly byFirst = new Map<string, Fuse<Entry>>();
  private readonly bySecond = new Map<string, Fuse<Entry>>();

  constructor(
    keys: readonly string[],
    private readonly threshold: number = FUSE_OPTIONS.threshold ?? 0.3,
  ) {
    const group = (at: number) => {
      const buckets = new Map<string, Entry[]>();
      for (const key of keys) {
        const c = [...key][at];
        if (c === undefined) continue;
        const bucket = buckets.get(c);
        if (bucket) bucket.push({ key });
        else buckets.set(c, [{ key }]);
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
        .filter((r) => Math.abs([...r.key].length - chars.length) <= SEARCH.maxLengthDelta)
        .filter((r) => r.score <= maxErrors(chars.length, this.threshold) / chars.length + 1e-9);
    const first = run(this.byFirst.get(chars[0] ?? ''));
    return first.length > 0 ? first : run(this.bySecond.get(chars[1] ?? ''));
  }
}
