// The snapshot on disk: the built corpus and its search index, written at build time (`npm run build:index`,
// run by `npm run build` and `npm ci`) and read at start-up while every data file it was built from is
// unchanged. Start-up then neither parses nor validates the data files again: they were validated when the
// snapshot was written, and each one's SHA-256 is checked against the snapshot's before it is trusted.
//
// JSON lines: a header (version, fingerprint, each input file's digest), the index, its stored rows in batches
// (see rowTable.ts), the corpus's shared part,
// then one line per source, so that a thousand articles are read as a thousand strings, not one huge one.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildCorpus, type ReadData } from '../corpus/buildCorpus.ts';
import {
  corpusFromData,
  corpusHead,
  corpusParts,
  internStrings,
  type CorpusHead,
  type CorpusPart,
} from '../corpus/corpusData.ts';
import type { Corpus } from '../corpus/types.ts';
import { buildSearchIndex, type SearchIndex } from '../search/createSearch.ts';
import {
  corpusFingerprint,
  fromSnapshot,
  rowBatchLines,
  SNAPSHOT_VERSION,
  SnapshotError,
  toSnapshot,
} from '../search/snapshot.ts';
import { PROJECT_ROOT, readFrom } from './readData.ts';

export const SNAPSHOT_FILE = 'snapshot.jsonl';

/** Beside the data it indexes: dist/ for the project's data/, the folder itself for FEUD_DATA_DIR. */
export function snapshotPath(dataDir?: string): string {
  return dataDir === undefined ? join(PROJECT_ROOT, 'dist', SNAPSHOT_FILE) : join(dataDir, SNAPSHOT_FILE);
}

/** A data file's path and the SHA-256 of its text; null: the corpus looked for it and it was absent. */
export type Input = [path: string, digest: string | null];

interface Header {
  version: number;
  fingerprint: string;
  inputs: Input[];
}

const digest = (text: string | undefined): string | null =>
  text === undefined ? null : createHash('sha256').update(text, 'utf8').digest('hex');

/** Builds (and validates) the corpus, keeping the digest of every file it read or looked for. */
export function loadCorpusWithFingerprint(dataDir?: string): { corpus: Corpus; fingerprint: string; inputs: Input[] } {
  const read = readFrom(PROJECT_ROOT, dataDir);
  // Each file's digest, not its text: a thousand articles' files would otherwise stay in memory.
  const inputs = new Map<string, string | null>();
  const recording: ReadData = (path) => {
    const text = read(path);
    inputs.set(path, digest(text));
    return text;
  };
  const corpus = buildCorpus(recording);
  const present = new Map([...inputs].filter((e): e is [string, string] => e[1] !== null));
  return { corpus, fingerprint: corpusFingerprint(present), inputs: [...inputs] };
}

/** Builds the corpus and index from the data and writes the snapshot; returns where. */
export function writeSnapshot(dataDir?: string, path = snapshotPath(dataDir)): string {
  const { corpus, fingerprint, inputs } = loadCorpusWithFingerprint(dataDir);
  const header: Header = { version: SNAPSHOT_VERSION, fingerprint, inputs };
  const index = buildSearchIndex(corpus);
  const lines: unknown[] = [header, toSnapshot(index, fingerprint), ...rowBatchLines(index), corpusHead(corpus)];
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, [...lines, ...corpusParts(corpus)].map((l) => JSON.stringify(l)).join('\n') + '\n');
  return path;
}

const CHUNK_BYTES = 1 << 20;

/**
 * The lines of a JSON-lines file, each decoded on its own, read a chunk at a time: a thousand articles'
 * snapshot (over 100 MB) is never one buffer, so start-up holds at most its longest line twice.
 */
function* fileLines(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let pending: Buffer[] = [];
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) {
      const got = chunk.subarray(0, n);
      let start = 0;
      for (let nl = got.indexOf(10); nl >= 0; nl = got.indexOf(10, start)) {
        const piece = got.subarray(start, nl);
        const line = pending.length > 0 ? Buffer.concat([...pending, piece]).toString('utf8') : piece.toString('utf8');
        pending = [];
        if (line !== '') yield line;
        start = nl + 1;
      }
      // UTF-8 never has a newline byte inside a character, so a line cut between chunks joins back whole.
      if (start < n) pending.push(Buffer.from(got.subarray(start)));
    }
    const rest = Buffer.concat(pending).toString('utf8');
    if (rest !== '') yield rest;
  } finally {
    closeSync(fd);
  }
}

function isHeader(x: unknown): x is Header {
  const h = x as Partial<Header> | null;
  return (
    typeof h === 'object' &&
    h !== null &&
    typeof h.version === 'number' &&
    typeof h.fingerprint === 'string' &&
    Array.isArray(h.inputs) &&
    h.inputs.every((i) => Array.isArray(i) && typeof i[0] === 'string' && (typeof i[1] === 'string' || i[1] === null))
  );
}

function isCorpusHead(x: unknown): x is CorpusHead {
  const h = x as Record<string, unknown> | null;
  return (
    typeof h === 'object' &&
    h !== null &&
    ['sources', 'entities', 'aliases', 'actions'].every((k) => Array.isArray(h[k]))
  );
}

function isCorpusPart(x: unknown): x is CorpusPart {
  const p = x as Record<string, unknown> | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.sourceId === 'string' &&
    ['paragraphs', 'quotes', 'events', 'facts'].every((k) => Array.isArray(p[k]))
  );
}

/** Whether every input reads as it did when the snapshot was written (absent ones still absent). */
export function inputsUnchanged(inputs: readonly Input[], read: ReadData): boolean {
  return inputs.every(([file, was]) => digest(read(file)) === was);
}

/** The inputs a snapshot file was built from, from its header alone; undefined if it has none or no header. */
export function snapshotInputs(path: string): Input[] | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const it = fileLines(path);
    const first = it.next();
    void it.return(undefined);
    const header: unknown = first.done === true ? null : JSON.parse(first.value);
    return isHeader(header) ? header.inputs : undefined;
  } catch {
    return undefined;
  }
}

export type SnapshotRead = { corpus: Corpus; index: SearchIndex } | { corpus?: undefined; problem: string | undefined };

/**
 * The snapshot's corpus and index if it was built by this version from exactly the data files `read` sees
 * now; else why not (undefined: there is none). A stale or broken snapshot is never used.
 */
export function readSnapshot(path: string, read: ReadData): SnapshotRead {
  if (!existsSync(path)) return { problem: undefined };
  const it = fileLines(path);
  const next = (): unknown => {
    const line = it.next();
    if (line.done) throw new SnapshotError('cut short');
    return JSON.parse(line.value);
  };
  try {
    const header = next();
    if (!isHeader(header)) return { problem: 'not a snapshot' };
    if (header.version !== SNAPSHOT_VERSION)
      return { problem: `built by version ${header.version}, this is ${SNAPSHOT_VERSION}` };
    if (!inputsUnchanged(header.inputs, read)) return { problem: 'the data files changed since it was built' };
    const index = fromSnapshot(next(), header.fingerprint, next);
    const head = next();
    if (!isCorpusHead(head)) return { problem: 'malformed corpus' };
    // One map for every part: the sources' texts are interned as each line is read, before the next.
    const seen = new Map<string, string>();
    const lists = new Map<string, string[]>();
    internStrings(head, seen, lists);
    const parts = head.sources.map(() => internStrings(next(), seen, lists));
    if (!parts.every(isCorpusPart)) return { problem: 'malformed corpus' };
    if (parts.some((p, i) => p.sourceId !== head.sources[i]!.id)) return { problem: 'sources out of order' };
    return { corpus: corpusFromData(head, parts), index };
  } catch (err) {
    if (err instanceof SnapshotError) return { problem: err.message };
    if (err instanceof SyntaxError) return { problem: `not valid JSON (${err.message})` };
    throw err;
  } finally {
    // A stale snapshot is left unread: the file is closed all the same.
    void it.return(undefined);
  }
}

/**
 * The corpus and index from the snapshot when it was built from exactly these data files; otherwise the
 * corpus built and validated from the data, no index (the caller builds it), and `unused` saying why an
 * existing snapshot was not used (stale, other version, broken).
 */
export function loadIndexed(dataDir?: string): { corpus: Corpus; index?: SearchIndex; unused?: string } {
  const path = snapshotPath(dataDir);
  const read = readSnapshot(path, readFrom(PROJECT_ROOT, dataDir));
  if (read.corpus !== undefined) return { corpus: read.corpus, index: read.index };
  const { corpus } = loadCorpusWithFingerprint(dataDir);
  return { corpus, unused: read.problem === undefined ? undefined : `${path}: ${read.problem}` };
}
