// The postings agree with a scan of every document: same concept rows, same hits, same scores.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { writeScaledCorpus } from '../bench/scaleCorpus.ts';
import { loadCorpus, PROJECT_ROOT } from '../src/io/readData.ts';
import { COMMANDS, createSearch } from '../src/search/createSearch.ts';
import { buildCollections } from '../src/search/documents.ts';
import { matchConcept } from '../src/search/matchConcept.ts';
import { buildPostings, Postings } from '../src/search/postings.ts';
import { scanSearch } from './helpers/scanSearch.ts';
import { goldenQueries, plainOutcome } from './helpers/golden.ts';

const corpus = loadCorpus();
const search = createSearch(corpus);
const scan = scanSearch(corpus);
const golden = goldenQueries();

const plain = plainOutcome;

describe('postings against a scan of every document', () => {
  it.each(golden)('$command "$query": same hits, same scores, same suggestions', ({ command, query }) => {
    search.clearCaches();
    expect(plain(search.search(command, query))).toEqual(plain(scan.search(command, query)));
  });

  it('every golden query, asked one after another with the rows of earlier ones cached, as a scan', () => {
    // Rows are cached by what they are made of: "musk", "马斯克" and "masike" share one; a wrong share shows here.
    const shared = createSearch(corpus);
    for (const { command, query } of golden) {
      expect(plain(shared.search(command, query)), `${command} ${query}`).toEqual(plain(scan.search(command, query)));
    }
  });

  it.each(golden.slice(0, 60))(
    '$command "$query" among chosen documents (only, no floor): the same as a scan',
    ({ command, query }) => {
      const only = search.collections[command].flatMap((_, i) => (i % 3 === 0 ? [i] : []));
      const options = { only, minCoverage: 0 };
      expect(plain(search.search(command, query, options))).toEqual(plain(scan.search(command, query, options)));
    },
  );

  it('every golden concept gets the weight and subject flag a field scan gives, in every collection', () => {
    const collections = buildCollections(corpus);
    const all = COMMANDS.flatMap((c) => collections[c]);
    // No prebuilt terms: every Chinese term goes through the query-time scan as well as the trie below.
    const variants = [new Postings(buildPostings(all, []), all.length)];
    const concepts = golden.flatMap(({ query }) => scan.resolver.resolve(query).concepts);
    const terms = concepts.flatMap((c) => c.zh);
    variants.push(new Postings(buildPostings(all, terms), all.length));
    expect(concepts.length).toBeGreaterThan(200);
    for (const postings of variants) {
      for (const c of concepts) {
        const row = postings.row(c, 0, all.length);
        const got = new Map(
          [...row.docs].map((g, i) => [g, { weight: row.weights[i], subject: row.subject[i] === 1 }]),
        );
        all.forEach((doc, g) => {
          const m = matchConcept(doc, c);
          const expected = m.weight > 0 || m.subject ? { weight: m.weight, subject: m.subject } : undefined;
          expect(got.get(g), `${c.key} on ${doc.id}`).toEqual(expected);
        });
        expect(row.df).toBe(all.filter((d) => matchConcept(d, c).weight > 0).length);
      }
    }
  });
});

describe('postings over six copies of the article, against a scan', () => {
  const dir = writeScaledCorpus(6);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const big = loadCorpus(PROJECT_ROOT, dir);
  const bigSearch = createSearch(big);
  const bigScan = scanSearch(big);

  it.each(golden)(
    '$command "$query" among a few chosen documents, some twice (long rows binary-searched)',
    ({ command, query }) => {
      // Three documents, one of them twice: rows of the copies' common words are 16 times longer.
      const few = bigSearch.collections[command].flatMap((_, i) => (i % 97 === 5 ? [i] : i === 5 ? [i, i] : []));
      const options = { only: few, minCoverage: 0 };
      expect(plain(bigSearch.search(command, query, options))).toEqual(plain(bigScan.search(command, query, options)));
    },
  );
});
