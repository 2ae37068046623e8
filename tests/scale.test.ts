// Limits a real corpus can reach by size, and ids across several sources.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeScaledCorpus } from '../bench/scaleCorpus.ts';
import { DataError } from '../src/corpus/dataError.ts';
import { loadCorpus, PROJECT_ROOT } from '../src/io/readData.ts';
import { createSearch } from '../src/search/createSearch.ts';
import { buildVocabulary } from '../src/search/vocabulary.ts';
import { englishTexts } from '../src/search/documents.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A distinct three-character Han word per number, from the CJK Unified Ideographs block. */
const hanWord = (i: number) =>
  String.fromCodePoint(0x4e00 + (i % 20000), 0x4e00 + ((i * 7 + 1) % 20000), 0x5000 + (i % 97));

describe('a vocabulary of 200,000 keys', () => {
  it('builds, and a query still resolves against it (no argument spread or recursion to overflow)', () => {
    const corpus = loadCorpus();
    const words = Array.from({ length: 200_000 }, (_, i) => hanWord(i));
    const big = {
      ...corpus,
      aliases: [...corpus.aliases, ...words.map((w, i) => ({ en: [`synthetic${i}`], zh: [w] }))],
    };
    const vocabulary = buildVocabulary(big, englishTexts(big));
    expect(vocabulary.han.size).toBeGreaterThanOrEqual(200_000);
    const search = createSearch(big);
    expect(search.search('who', 'Altman').hits[0]?.doc.id).toBe('entity:altman');
  }, 120_000);
});

describe('several sources', () => {
  it('loads two copies of the article, each with its own ids', () => {
    const dir = writeScaledCorpus(2);
    dirs.push(dir);
    const corpus = loadCorpus(PROJECT_ROOT, dir);
    expect(corpus.sources).toHaveLength(2);
    expect(new Set(corpus.quotes.map((q) => q.id)).size).toBe(corpus.quotes.length);
  });

  it('stops start-up with one line when two sources define the same quote id', () => {
    const dir = writeScaledCorpus(2);
    dirs.push(dir);
    const file = join(dir, 'musk-openai-c1', 'quotes.json');
    const quotes = JSON.parse(readFileSync(file, 'utf8')) as Array<{ id: string }>;
    // A quote no curated fact points at, so only the id itself is wrong.
    const facts = readFileSync(join(dir, 'musk-openai-c1', 'facts.json'), 'utf8');
    const at = quotes.findIndex((q) => !facts.includes(`"${q.id}"`));
    quotes[at]!.id = quotes[at]!.id.replace(/-c1$/, '');
    writeFileSync(file, JSON.stringify(quotes));
    expect(() => loadCorpus(PROJECT_ROOT, dir)).toThrow(DataError);
    expect(() => loadCorpus(PROJECT_ROOT, dir)).toThrow(
      `data/musk-openai-c1/quotes.json: entry #${at + 1} (${quotes[at]!.id}), field id: duplicate id: also in data/musk-openai/quotes.json`,
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', 'who', 'Altman'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, FEUD_DATA_DIR: dir },
      encoding: 'utf8',
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^ask: bad data: .*duplicate id: also in/)]);
  }, 60_000);
});
