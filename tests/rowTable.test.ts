// Rows built ahead: each stored row is the row the postings gather, and searching with them changes nothing.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { writeScaledCorpus } from '../bench/scaleCorpus.ts';
import { loadCorpus, PROJECT_ROOT } from '../src/io/readData.ts';
import { buildSearchIndex, COMMANDS, createSearch } from '../src/search/createSearch.ts';
import { buildCollections } from '../src/search/documents.ts';
import { Postings } from '../src/search/postings.ts';
import { buildRowTable, MIN_STORED_ROW, RowTable, rowKey } from '../src/search/rowTable.ts';
import { QueryResolver } from '../src/search/resolveQuery.ts';
import { fromSnapshot, rowBatchLines, toSnapshot } from '../src/search/snapshot.ts';
import { goldenQueries, plainOutcome } from './helpers/golden.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const golden = goldenQueries();

/** The lines after the index's, one each time it is called, then undefined. */
const queue = (lines: unknown[]) => () => lines.shift();

/** A row as a map from document to weight and subject flag: the order of its documents is no part of it. */
const asMap = (r: { docs: Int32Array; weights: Float64Array; subject: Uint8Array; df: number }) => ({
  df: r.df,
  docs: new Map([...r.docs].map((g, i) => [g, [r.weights[i], r.subject[i]]])),
});

describe('row table', () => {
  it('stores every row (none too short here) exactly as the postings gather it, and the golden queries find them', () => {
    const corpus = loadCorpus();
    const collections = buildCollections(corpus);
    const index = buildSearchIndex(corpus, collections);
    const all = COMMANDS.flatMap((c) => collections[c]);
    const postings = new Postings(index.postings, all.length);
    let lo = 0;
    const ranges = COMMANDS.map((c) => {
      const r = [c, lo, lo + collections[c].length] as const;
      lo += collections[c].length;
      return r;
    });
    const vocabulary = [...index.vocabulary.han.values(), ...index.vocabulary.latin.values()];
    const table = new RowTable(buildRowTable(postings, vocabulary, ranges, 1));
    const resolver = new QueryResolver(index.vocabulary);
    const asked = golden.flatMap(({ query }) => resolver.resolve(query).concepts);
    let found = 0;
    for (const c of [...vocabulary, ...asked]) {
      for (const [name, from, to] of ranges) {
        const stored = table.row(rowKey(name, c));
        const gathered = postings.row(c, from, to);
        if (!stored) {
          // Only an empty row, or a concept the vocabulary does not hold (a date, a merged one), is missing.
          if (vocabulary.includes(c)) expect(gathered.docs.length, `${name} ${c.key}`).toBe(0);
          continue;
        }
        found++;
        expect(asMap(stored), `${name} ${c.key}`).toEqual(asMap(gathered));
        expect([...stored.docs], 'ascending').toEqual([...stored.docs].sort((a, b) => a - b));
      }
    }
    expect(found).toBeGreaterThan(1000);
  });

  it('answers every golden query as the postings alone do, over enough copies that rows are stored', () => {
    const dir = writeScaledCorpus(6);
    dirs.push(dir);
    const corpus = loadCorpus(PROJECT_ROOT, dir);
    const index = buildSearchIndex(corpus);
    const lengths = index.rows.batches.flatMap((b) => [...b.docStart.slice(1)].map((s, i) => s - b.docStart[i]!));
    expect(lengths.length).toBeGreaterThan(20);
    expect(Math.max(...lengths)).toBeGreaterThan(MIN_STORED_ROW * 2);
    const none = buildRowTable(new Postings(index.postings, 0), [], []);
    // Through the snapshot's lines too: the index's, then one per batch of rows.
    const fingerprint = 'a'.repeat(64);
    const lines = [toSnapshot(index, fingerprint), ...rowBatchLines(index)].map((l) => JSON.parse(JSON.stringify(l)));
    expect(lines.length).toBe(1 + index.rows.batches.length);
    const searches = [
      createSearch(corpus, index),
      createSearch(corpus, fromSnapshot(lines[0], fingerprint, queue(lines.slice(1)))),
    ];
    const without = createSearch(corpus, { ...index, rows: none });
    for (const { command, query } of golden) {
      const expected = plainOutcome(without.search(command, query));
      for (const s of searches) expect(plainOutcome(s.search(command, query)), `${command} ${query}`).toEqual(expected);
    }
    expect(() => fromSnapshot(lines[0], fingerprint, queue(lines.slice(2)))).toThrow(/row batch/);
  });
});
