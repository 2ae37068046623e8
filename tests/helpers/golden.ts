// The golden keyword questions as plain {command, query} pairs, for tests that replay them (the golden test
// itself validates each row with its own schema), and a search outcome reduced to what two engines must share.
import { readFileSync } from 'node:fs';
import type { SearchOutcome } from '../../src/search/createSearch.ts';

export interface GoldenQuery {
  command: 'when' | 'quote' | 'who';
  query: string;
}

export function goldenQueries(): GoldenQuery[] {
  return readFileSync(new URL('../golden/queries.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as GoldenQuery);
}

/** Hits by id, score and terms, and the suggestions: what the postings and a scan or a snapshot must agree on. */
export const plainOutcome = (o: SearchOutcome) => ({
  hits: o.hits.map((h) => ({ id: h.doc.id, score: h.score, terms: h.terms })),
  suggestions: o.suggestions,
});
