// The question layer with the same facts told by a second source: each fact scores as its first telling
// does (facts are scored once per shape), and the order stays that of one source, copy by copy.
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { writeScaledCorpus } from '../bench/scaleCorpus.ts';
import type { Corpus } from '../src/corpus/types.ts';
import { loadCorpus, PROJECT_ROOT } from '../src/io/readData.ts';
import { QuestionReader } from '../src/question/analyze.ts';
import { Lexicon } from '../src/question/lexicon.ts';
import { FactIndex, matchFacts, type FactMatch } from '../src/question/matchFacts.ts';
import { createSearch } from '../src/search/createSearch.ts';
import { goldenQueries } from './helpers/golden.ts';

const dir = writeScaledCorpus(2);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function layer(corpus: Corpus) {
  const search = createSearch(corpus);
  const lexicon = new Lexicon(corpus.actions);
  const reader = new QuestionReader(
    corpus,
    lexicon,
    (t) => search.resolve(t),
    (w) => search.lookup(w),
  );
  const index = new FactIndex(corpus);
  return (query: string) => matchFacts(reader.read(query), index, lexicon);
}

const twoCorpus = loadCorpus(PROJECT_ROOT, dir);
const one = layer(loadCorpus());
const two = layer(twoCorpus);

const natural = readFileSync(new URL('golden/natural.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as { query: string });
const questions = [...new Set([...goldenQueries(), ...natural].map((q) => q.query))];

const plain = (ms: FactMatch[]) => ms.map((m) => ({ id: m.fact.id, score: m.score }));

describe('facts told by two sources', () => {
  it('the golden questions match some facts (the comparison below is not empty)', () => {
    expect(questions.filter((q) => one(q).length > 0).length).toBeGreaterThan(50);
  });

  it.each(questions)('"%s": each copy scores and orders its facts as one source alone does', (query) => {
    const alone = plain(one(query));
    const both = two(query);
    const first = both.filter((m) => !m.fact.id.endsWith('-c1'));
    const second = both.filter((m) => m.fact.id.endsWith('-c1'));
    expect(plain(first)).toEqual(alone);
    expect(plain(second).map((m) => ({ ...m, id: m.id.replace(/-c1$/, '') }))).toEqual(alone);
    // Each match's place is its fact's place in the corpus.
    for (const m of both) expect(twoCorpus.facts[m.at]).toBe(m.fact);
  });
});
