// Wires the pure core together once: corpus → search → answerer.
import { createAnswerer, type Answerer } from './answer/answerQuery.ts';
import { dataDirFromEnv } from './config/env.ts';
import type { Corpus } from './corpus/types.ts';
import { loadCorpus, PROJECT_ROOT } from './io/readData.ts';
import { createSearch } from './search/createSearch.ts';

export function createApp(corpus: Corpus = loadCorpus(PROJECT_ROOT, dataDirFromEnv())): Answerer {
  return createAnswerer(corpus, createSearch(corpus));
}
