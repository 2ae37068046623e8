// The index snapshot on disk: written by `npm run build:index`, read at start-up when it matches the data.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildCorpus, type ReadData } from '../corpus/buildCorpus.ts';
import type { Corpus } from '../corpus/types.ts';
import { buildSearchIndex, type SearchIndex } from '../search/createSearch.ts';
import { corpusFingerprint, fromSnapshot, SnapshotError, toSnapshot } from '../search/snapshot.ts';
import { PROJECT_ROOT, readFrom } from './readData.ts';

/** Beside the data it indexes: dist/ for the project's data/, the folder itself for FEUD_DATA_DIR. */
export function snapshotPath(dataDir?: string): string {
  return dataDir === undefined
    ? join(PROJECT_ROOT, 'dist', 'index.snapshot.json')
    : join(dataDir, 'index.snapshot.json');
}

/** Builds the corpus, keeping every file it read for the fingerprint. */
export function loadCorpusWithFingerprint(dataDir?: string): { corpus: Corpus; fingerprint: string } {
  const read = readFrom(PROJECT_ROOT, dataDir);
  // Each file's digest, not its text: a thousand articles' files would otherwise stay in memory.
  const files = new Map<string, string>();
  const recording: ReadData = (path) => {
    const text = read(path);
    if (text !== undefined) files.set(path, createHash('sha256').update(text, 'utf8').digest('hex'));
    return text;
  };
  const corpus = buildCorpus(recording);
  return { corpus, fingerprint: corpusFingerprint(files) };
}

/** Builds the index from the data and writes the snapshot; returns where. */
export function writeSnapshot(dataDir?: string, path = snapshotPath(dataDir)): string {
  const { corpus, fingerprint } = loadCorpusWithFingerprint(dataDir);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(toSnapshot(buildSearchIndex(corpus), fingerprint)));
  return path;
}

export type SnapshotRead = { index: SearchIndex } | { index?: undefined; problem: string | undefined };

/**
 * The snapshot's index if it was built from exactly these data files; else why not (undefined: there is
 * none). A stale or broken snapshot is never used.
 */
export function readSnapshot(path: string, fingerprint: string): SnapshotRead {
  if (!existsSync(path)) return { problem: undefined };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    return { problem: `not valid JSON (${(err as Error).message})` };
  }
  try {
    return { index: fromSnapshot(json, fingerprint) };
  } catch (err) {
    if (err instanceof SnapshotError) return { problem: err.message };
    throw err;
  }
}

/**
 * The corpus and, when a snapshot built from exactly these data files exists, its index; `unused` says
 * why an existing snapshot was not used (stale, other version, broken).
 */
export function loadIndexed(dataDir?: string): { corpus: Corpus; index?: SearchIndex; unused?: string } {
  const { corpus, fingerprint } = loadCorpusWithFingerprint(dataDir);
  const path = snapshotPath(dataDir);
  const read = readSnapshot(path, fingerprint);
  if (read.index !== undefined) return { corpus, index: read.index };
  return { corpus, unused: read.problem === undefined ? undefined : `${path}: ${read.problem}` };
}
