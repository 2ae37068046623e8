// The snapshot (corpus and index): the same corpus and answers as a fresh build, never used once the data changed.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeScaledCorpus } from '../bench/scaleCorpus.ts';
import { loadCorpusWithFingerprint, loadIndexed, writeSnapshot } from '../src/io/indexSnapshot.ts';
import { PROJECT_ROOT } from '../src/io/readData.ts';
import { buildSearchIndex, createSearch } from '../src/search/createSearch.ts';
import { fromSnapshot, SNAPSHOT_VERSION, SnapshotError, toSnapshot } from '../src/search/snapshot.ts';
import { goldenQueries, plainOutcome } from './helpers/golden.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const golden = goldenQueries();

const plain = plainOutcome;

describe('index snapshot', () => {
  const { corpus, fingerprint } = loadCorpusWithFingerprint();

  it('answers every golden query exactly as an index built in memory', () => {
    const json: unknown = JSON.parse(JSON.stringify(toSnapshot(buildSearchIndex(corpus), fingerprint)));
    const fromDisk = createSearch(corpus, fromSnapshot(json, fingerprint));
    const fresh = createSearch(corpus);
    for (const { command, query } of golden) {
      expect(plain(fromDisk.search(command, query)), `${command} ${query}`).toEqual(
        plain(fresh.search(command, query)),
      );
    }
  });

  it('refuses a snapshot of other data or of another version', () => {
    const snapshot = toSnapshot(buildSearchIndex(corpus), fingerprint);
    expect(() => fromSnapshot(snapshot, 'f'.repeat(64))).toThrow(SnapshotError);
    expect(() => fromSnapshot({ ...snapshot, version: SNAPSHOT_VERSION + 1 }, fingerprint)).toThrow(/version/);
    expect(() =>
      fromSnapshot({ ...snapshot, postings: { ...snapshot.postings, zhOccWeight: '' } }, fingerprint),
    ).toThrow(SnapshotError);
  });

  it('gives back the corpus that building and validating the data gives, lookups included', () => {
    // Enough sources that the file is read in several chunks, with lines cut between them.
    const dir = writeScaledCorpus(12);
    dirs.push(dir);
    expect(statSync(writeSnapshot(dir)).size).toBeGreaterThan(1.5 * 2 ** 20);
    const loaded = loadIndexed(dir);
    expect(loaded.unused).toBeUndefined();
    expect(loaded.index, 'read from the snapshot').toBeDefined();
    const built = loadCorpusWithFingerprint(dir).corpus;
    expect(loaded.corpus).toEqual(built);
    expect(loaded.corpus.byRef.get(built.paragraphs[3]!.ref)).toBe(loaded.corpus.paragraphs[3]);
  });

  it('is stale once a file it looked for and did not find appears', () => {
    const dir = writeScaledCorpus(1);
    dirs.push(dir);
    const [source] = JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')) as Array<{ annotations: string }>;
    const facts = join(dir, source!.annotations, 'facts.json');
    const text = readFileSync(facts, 'utf8');
    rmSync(facts);
    writeSnapshot(dir);
    expect(loadIndexed(dir).index, 'facts.json absent, as when it was built').toBeDefined();
    writeFileSync(facts, text);
    const loaded = loadIndexed(dir);
    expect(loaded.unused).toMatch(/the data files changed since it was built$/);
    expect(loaded.corpus.facts.length).toBeGreaterThan(0);
  });

  it('is never served after a data file changed: the index is rebuilt from the new data', () => {
    const dir = writeScaledCorpus(1);
    dirs.push(dir);
    writeSnapshot(dir);
    expect(loadIndexed(dir).index, 'a snapshot of unchanged data is used').toBeDefined();
    const file = join(dir, 'musk-openai', 'glosses.json');
    const glosses = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    const [ref] = Object.keys(glosses).filter((r) => r !== 'p1');
    glosses[ref!] = `${glosses[ref!]} Quuxplorer`;
    writeFileSync(file, JSON.stringify(glosses));
    const loaded = loadIndexed(dir);
    expect(loaded.index).toBeUndefined();
    expect(loaded.unused).toMatch(/snapshot\.jsonl: the data files changed since it was built$/);
    const hits = createSearch(loaded.corpus, loaded.index).search('when', 'quuxplorer').hits;
    expect(hits.map((h) => h.doc.ref)).toContain(ref);
  });

  it('loads without importing pinyin-pro (its import is slow); only the vocabulary builder needs it', () => {
    const dir = writeScaledCorpus(1);
    dirs.push(dir);
    writeSnapshot(dir);
    const script = `
      const { createApp } = await import('./src/app.ts');
      const { createRequire } = await import('node:module');
      const app = createApp();
      const loaded = Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('pinyin-pro'));
      console.log(JSON.stringify({ loaded, found: app.answer({ command: 'who', query: 'masike' }).kind }));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, FEUD_DATA_DIR: dir },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ loaded: false, found: 'found' });
    const importers = readdirSync(join(PROJECT_ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .filter((f) =>
        /from ['"]pinyin-pro['"]|import\(['"]pinyin-pro['"]\)/.test(readFileSync(join(PROJECT_ROOT, 'src', f), 'utf8')),
      );
    expect(importers, 'no static import of pinyin-pro: it is required lazily').toEqual(['search/vocabulary.ts']);
  }, 60_000);
});
