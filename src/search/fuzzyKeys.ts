// Typo candidates for a word: a bigram index over the vocabulary keys picks the few keys that can be
// within Fuse's threshold, and Fuse.js scores just those, so no look-up scans the vocabulary.
import Fuse from 'fuse.js';
import { FUSE_OPTIONS, SEARCH } from './options.ts';

type Entry = { key: string };

/** Fuse's bitap works on 32-bit masks: a longer pattern is split, and the bigram bound no longer holds. */
const MAX_BITAP_LENGTH = 32;

/**
 * Fuse scores a match by errors per pattern letter, so one threshold lets a long word take more edits. A
 * real typo is one edit ("Sutskevar"), two in a long word; "weather" is two edits from "neither" and
 * no typo of it. (Swapped letters are caught before Fuse, by exact look-up.)
 */
function maxErrors(length: number, threshold: number): number {
  const strict = length >= 9 ? 2 : 1;
  return threshold > (FUSE_OPTIONS.threshold ?? 0.3) ? strict + 1 : strict;
}

export interface FuzzyOptions {
  /** false: Fuse over the whole letter bucket, as before the bigram index (for the benchmark). */
  bigrams?: boolean;
}

/**
 * Most typos keep the first letter ("Zukerberg", "Mircosoft"); those that do not usually keep the
 * second ("Nusk"). So a word is matched against keys sharing its first letter, then its second.
 *
 * Fuse accepts a key when some part of it is within k = threshold × length edits of the word. Each edit
 * spoils at most two of the word's length − 1 bigrams, so such a key has at least length − 1 − 2k of
 * them (the q-gram lemma): keys with fewer are never Fuse's, and Fuse only ever sees the rest, in
 * vocabulary order, so it ranks and breaks ties exactly as over the whole bucket.
 */
export class FuzzyKeys {
  private readonly keys: readonly string[];
  /** "<bucket letter>\u0001<bigram>" → indexes of the bucket's keys containing the bigram, ascending. */
  private grams: ReadonlyArray<Map<string, number[]>> = [];
  private buckets: ReadonlyArray<Map<string, number[]>> = [];
  private readonly wholeBucket = [new Map<string, Fuse<Entry>>(), new Map<string, Fuse<Entry>>()];
  private counts = new Int32Array(0);
  private indexed = false;

  constructor(
    keys: readonly string[],
    private readonly threshold: number = FUSE_OPTIONS.threshold ?? 0.3,
    private readonly options: FuzzyOptions = {},
  ) {
    this.keys = keys;
  }

  /**
   * Built on the first look-up, not in the constructor: most questions need no typo search, and start-up
   * (the first answer within Discord's deadline) should not pay ~15 ms for the index.
   */
  private index(): void {
    if (this.indexed) return;
    this.indexed = true;
    const { keys } = this;
    this.counts = new Int32Array(keys.length);
    const index = (at: number) => {
      const buckets = new Map<string, number[]>();
      const grams = new Map<string, number[]>();
      keys.forEach((key, i) => {
        const c = [...key][at];
        if (c === undefined) return;
        push(buckets, c, i);
        const seen = new Set<string>();
        for (let j = 0; j + 1 < key.length; j++) {
          const g = key.slice(j, j + 2);
          if (!seen.has(g)) push(grams, `${c}\u0001${g}`, i);
          seen.add(g);
        }
      });
      return { buckets, grams };
    };
    const first = index(0);
    const second = index(1);
    this.buckets = [first.buckets, second.buckets];
    this.grams = [first.grams, second.grams];
  }

  /** Builds the index now, ahead of the first look-up (a long-running process, after start-up). */
  warm(): void {
    this.index();
  }

  /** Keys within the threshold and at most maxLengthDelta longer or shorter, closest first. */
  search(word: string): Array<{ key: string; score: number }> {
    this.index();
    const chars = [...word];
    const run = (at: number) =>
      this.fuse(at, chars[at] ?? '', word)
        .map((r) => ({ key: r.item.key, score: r.score ?? 1 }))
        .filter((r) => Math.abs([...r.key].length - chars.length) <= SEARCH.maxLengthDelta)
        .filter((r) => r.score <= maxErrors(chars.length, this.threshold) / chars.length + 1e-9);
    const first = run(0);
    return first.length > 0 ? first : run(1);
  }

  private fuse(at: number, c: string, word: string) {
    const bucket = this.buckets[at]!.get(c);
    if (!bucket) return [];
    const errors = Math.floor(this.threshold * word.length + 1e-9);
    const bound = word.length - 1 - 2 * errors;
    if (this.options.bigrams === false || bound < 1 || word.length > MAX_BITAP_LENGTH) {
      let fuse = this.wholeBucket[at]!.get(c);
      if (!fuse) {
        fuse = new Fuse(
          bucket.map((i) => ({ key: this.keys[i]! })),
          { ...FUSE_OPTIONS, threshold: this.threshold },
        );
        this.wholeBucket[at]!.set(c, fuse);
      }
      return fuse.search(word, { limit: 12 });
    }
    const { counts } = this;
    const touched: number[] = [];
    for (let j = 0; j + 1 < word.length; j++) {
      for (const i of this.grams[at]!.get(`${c}\u0001${word.slice(j, j + 2)}`) ?? []) {
        if (counts[i] === 0) touched.push(i);
        counts[i] = counts[i]! + 1;
      }
    }
    const candidates = touched.filter((i) => counts[i]! >= bound).sort((a, b) => a - b);
    for (const i of touched) counts[i] = 0;
    if (candidates.length === 0) return [];
    const fuse = new Fuse(
      candidates.map((i) => ({ key: this.keys[i]! })),
      { ...FUSE_OPTIONS, threshold: this.threshold },
    );
    return fuse.search(word, { limit: 12 });
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
