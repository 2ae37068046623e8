// The one place the corpus touches the disk: a ReadData over the project's data/ folder.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus, type ReadData } from '../corpus/buildCorpus.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
// src/io/readData.ts under tsx; dist/<chunk>.js once bundled by scripts/build.mjs.
export const PROJECT_ROOT = basename(HERE) === 'dist' ? join(HERE, '..') : join(HERE, '..', '..');

export function readFrom(root: string = PROJECT_ROOT): ReadData {
  return (path) => {
    const full = join(root, path);
    return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  };
}

/** Loads and validates the shipped corpus; throws DataError on bad data. */
export function loadCorpus(root: string = PROJECT_ROOT) {
  return buildCorpus(readFrom(root));
}
