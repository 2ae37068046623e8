// One size of `npm run bench -- --scale`, in a process of its own: build, heap, uncached latency of
// whole answers and of the search engine alone.
import { performance } from 'node:perf_hooks';
import { createAnswerer } from '../src/answer/answerQuery.ts';
import { loadCorpus } from '../src/io/readData.ts';
import { buildSearchIndex, createSearch } from '../src/search/createSearch.ts';
import { FuzzyKeys } from '../src/search/fuzzyKeys.ts';
import { normalize } from '../src/search/normalize.ts';
import { madeUpWord } from './scaleCorpus.ts';
import { scaleQueries } from './scaleBench.ts';
import { summarise } from './stats.ts';

const dataDir = process.argv[2];
const t0 = performance.now();
const corpus = loadCorpus(undefined, dataDir);
const t1 = performance.now();
const search = createSearch(corpus);
const app = createAnswerer(corpus, search);
const t2 = performance.now();
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
const queries = scaleQueries().map((l) => JSON.parse(l) as { command: string; query: string });
const cold: number[] = [];
for (let round = 0; round < 3; round++) {
  for (const q of queries) {
    app.clearCaches();
    const s = performance.now();
    app.answer(q);
    if (round > 0) cold.push(performance.now() - s);
  }
}
// The engine alone, on the same queries (the free-form `ask` command has no collection of its own).
const engine: number[] = [];
for (let round = 0; round < 3; round++) {
  for (const q of queries) {
    if (q.command !== 'when' && q.command !== 'quote' && q.command !== 'who') continue;
    search.clearCaches();
    const s = performance.now();
    search.search(q.command, q.query);
    if (round > 0) engine.push(performance.now() - s);
  }
}
// The bigram index against Fuse over the whole first-letter bucket, on every Latin word of the queries,
// over the vocabulary plus 40 made-up words per article (copies add no words of their own; real articles do).
const { fuzzyLatin } = buildSearchIndex(corpus).vocabulary;
const keys = [...fuzzyLatin, ...Array.from({ length: 40 * corpus.sources.length }, (_, i) => madeUpWord(i * 7919))];
const withBigrams = new FuzzyKeys(keys);
const wholeBucket = new FuzzyKeys(keys, undefined, { bigrams: false });
const words = [...new Set(queries.flatMap((q) => normalize(q.query).match(/[a-z]{3,}/g) ?? []))];
const time = (fuzzy: FuzzyKeys) => {
  const out = words.map((w) => fuzzy.search(w)); // warm (Fuse instances are built once per bucket)
  const s = performance.now();
  for (const w of words) fuzzy.search(w);
  return { ms: (performance.now() - s) / words.length, out: JSON.stringify(out) };
};
const bigram = time(withBigrams);
const fuse = time(wholeBucket);
const typo = {
  keys: keys.length,
  words: words.length,
  bigramMs: bigram.ms,
  fuseMs: fuse.ms,
  same: bigram.out === fuse.out,
};
process.stdout.write(
  JSON.stringify({
    corpusMs: t1 - t0,
    indexMs: t2 - t1,
    heapMb,
    cold: summarise(cold),
    meanColdMs: cold.reduce((a, b) => a + b, 0) / cold.length,
    engine: summarise(engine),
    meanEngineMs: engine.reduce((a, b) => a + b, 0) / engine.length,
    typo,
  }),
);
