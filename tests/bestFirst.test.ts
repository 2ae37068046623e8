// The best-first walk visits candidates exactly in the order a full sort gives (score down, number up).
import { describe, expect, it } from 'vitest';
import { bestFirst, topK } from '../src/search/bestFirst.ts';

/** A small deterministic generator, so a failure can be replayed. */
function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

function scored(n: number, levels: number, seed: number) {
  const rand = lcg(seed);
  const score = new Float64Array(n + 5);
  // Candidates in no particular order, as a search finds them; scores with many ties (copies of a passage).
  const candidates = Int32Array.from({ length: n }, (_, i) => (i * 7919) % n);
  for (let g = 0; g < n; g++) score[g] = 0.1 + Math.floor(rand() * levels) / levels;
  const sorted = [...candidates].sort((a, b) => score[b]! - score[a]! || a - b);
  return { score, candidates, sorted };
}

describe('bestFirst', () => {
  it.each([
    [50, 3, 1],
    [2000, 4, 2],
    [2000, 40, 3],
    [3000, 3000, 4],
    [1, 1, 5],
    [0, 1, 6],
  ])('%i candidates over %i score levels: the order of a full sort, however far the walk goes', (n, levels, seed) => {
    const { score, candidates, sorted } = scored(n, levels, seed);
    for (const stopAfter of [1, 3, 5, 17, 100, 600, n]) {
      const seen: number[] = [];
      bestFirst(candidates, score, 5, (g) => {
        seen.push(g);
        return seen.length < stopAfter;
      });
      expect(seen, `stop after ${stopAfter}`).toEqual(sorted.slice(0, stopAfter));
      // Told the best score, as a search that has found it already tells it: the same walk.
      const told: number[] = [];
      if (n > 0)
        bestFirst(
          candidates,
          score,
          5,
          (g) => {
            told.push(g);
            return told.length < stopAfter;
          },
          score[sorted[0]!],
        );
      expect(told, `told the best, stop after ${stopAfter}`).toEqual(n > 0 ? sorted.slice(0, stopAfter) : []);
    }
  });

  it('topK gives the first k of the same order', () => {
    const { score, candidates, sorted } = scored(500, 20, 7);
    expect(topK(candidates, score, 30)).toEqual(sorted.slice(0, 30));
  });
});
