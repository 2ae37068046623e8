// Wires the pure core together once: corpus → search → answerer.
import { createAnswerer, type Answerer } from './answer/answerQuery.ts';
import type { Corpus } from './corpus/types.ts';
import { loadCorpus } from './io/readData.ts';
import { createSearch } from './search/createSearch.ts';

export function createApp(corpus: Corpus = loadCorpus()): Answerer {
  return createAnswerer(corpus, createSearch(corpus));
}
