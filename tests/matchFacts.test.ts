// matchFacts narrowed to the facts a caller keeps and to the slack of the best: the prefix the full list gives.
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { writeScaledCorpus } from '../bench/scaleCorpus.ts';
import { createQuestionAnswerer } from '../src/answer/answerQuestion.ts';
import type { Result } from '../src/answer/types.ts';
import { loadCorpus, PROJECT_ROOT } from '../src/io/readData.ts';
import { Lexicon } from '../src/question/lexicon.ts';
import { FactIndex, matchFacts, type FactMatch } from '../src/question/matchFacts.ts';
import { createSearch } from '../src/search/createSearch.ts';
import { goldenQueries } from './helpers/golden.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const natural = readFileSync(new URL('./golden/natural.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => (JSON.parse(l) as { query: string }).query);
const questions = [...goldenQueries().map((g) => g.query), ...natural];

/** The facts within `slack` of the first (best) one: how a caller cut the full list before. */
function within(matches: FactMatch[], slack: number): FactMatch[] {
  const floor = (matches[0]?.score ?? 0) - slack;
  const end = matches.findIndex((m) => m.score < floor);
  return end < 0 ? matches : matches.slice(0, end);
}

describe('matchFacts with a filter', () => {
  it.each([1, 3])('over %i copies: every golden and natural question gets the prefix of the full list', (copies) => {
    let dir: string | undefined;
    if (copies > 1) dirs.push((dir = writeScaledCorpus(copies)));
    const corpus = copies > 1 ? loadCorpus(PROJECT_ROOT, dir) : loadCorpus();
    const { reader } = createQuestionAnswerer(corpus, createSearch(corpus), () => ({}) as Result);
    const facts = new FactIndex(corpus);
    const lexicon = new Lexicon(corpus.actions);
    let nonEmpty = 0;
    for (const keep of [(at: number) => at % 3 !== 1, () => true]) {
      for (const slack of [0.5, 0]) {
        for (const q of questions) {
          const a = reader.read(q);
          const expected = within(
            matchFacts(a, facts, lexicon).filter((m) => keep(m.at)),
            slack,
          );
          if (expected.length > 0) nonEmpty++;
          expect(matchFacts(a, facts, lexicon, undefined, { keep, slack }), q).toEqual(expected);
        }
      }
    }
    expect(nonEmpty).toBeGreaterThan(100);
  });
});
