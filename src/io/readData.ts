// The one place the corpus touches the disk: a ReadData over the project's data/ folder.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus, type ReadData } from '../corpus/buildCorpus.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
// src/io/readData.ts under tsx; dist/<chunk>.js once bundled by scripts/build.mjs.
export const PROJECT_ROOT = basename(HERE) === 'dist' ? join(HERE, '..') : join(HERE, '..', '..');

/**
 * Reads `data/…` paths under root, or, given dataDir (FEUD_DATA_DIR), under that folder instead: a
 * folder laid out as data/ is (sources.json at its top), such as the benchmark's synthetic corpora.
 */
export function readFrom(root: string = PROJECT_ROOT, dataDir?: string): ReadData {
  return (path) => {
    const full = dataDir !== undefined && path.startsWith('data/') ? join(dataDir, path.slice(5)) : join(root, path);
    return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  };
}

/** Loads and validates the shipped corpus; throws DataError on bad data. */
export function loadCorpus(root: string = PROJECT_ROOT, dataDir?: string) {
  return buildCorpus(readFrom(root, dataDir));
}
