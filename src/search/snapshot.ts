// The search index as data: vocabulary and postings, written at build time and read at start-up, tied to
// the corpus fingerprint so an index built from other data is never used.
import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { Concept } from './concept.ts';
import type { SearchIndex } from './createSearch.ts';
import type { Csr, PostingsData } from './postings.ts';
import type { RowBatch, RowTableData } from './rowTable.ts';

/** Bumped whenever the snapshot's layout or anything that builds it changes meaning. */
export const SNAPSHOT_VERSION = 3;

/** SHA-256 over every data file the corpus was built from (path and the SHA-256 of its content), in path order. */
export function corpusFingerprint(files: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  for (const path of [...files.keys()].sort()) hash.update(`${path}\u0000${files.get(path)!}\u0000`);
  return hash.digest('hex');
}

const b64 = (a: Int32Array | Float64Array | Uint8Array) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function int32(s: string): Int32Array {
  const buf = Buffer.from(s, 'base64');
  // Copied into its own buffer: a Buffer's memory may be shared and unaligned.
  return new Int32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}

function float64(s: string): Float64Array {
  const buf = Buffer.from(s, 'base64');
  return new Float64Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}

function uint8(s: string): Uint8Array {
  const buf = Buffer.from(s, 'base64');
  return new Uint8Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}

const csrOut = (c: Csr) => ({ start: b64(c.start), items: b64(c.items) });

const conceptSchema = z.object({
  key: z.string(),
  zh: z.array(z.string()),
  en: z.array(z.string()),
  entities: z.array(z.string()),
  dates: z.array(z.string()),
  priority: z.number(),
  display: z.string().optional(),
  fuzzy: z.boolean().optional(),
});
const csrSchema = z.object({ start: z.string(), items: z.string() });

export const snapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  documents: z.string(),
  vocabulary: z.object({
    latin: z.array(conceptSchema),
    han: z.array(conceptSchema),
    fuzzyLatin: z.array(z.string()),
    maxHanLength: z.number().int(),
    hanChars: z.string(),
  }),
  postings: z.object({
    zhTexts: z.array(z.string()),
    zhOcc: csrSchema,
    zhOccWeight: z.string(),
    enTexts: z.array(z.string()),
    enOcc: csrSchema,
    enOccWeight: z.string(),
    zhTerms: z.array(z.string()),
    zhTermTexts: csrSchema,
    enWords: z.array(z.string()),
    enWordTexts: csrSchema,
    keys: z.array(z.string()),
    keyDocs: csrSchema,
  }),
  /** The stored rows' weights, and how many lines of row batches follow the index's line. */
  rows: z.object({ weights: z.string(), batches: z.number().int() }),
});

export type Snapshot = z.infer<typeof snapshotSchema>;

export function toSnapshot(index: SearchIndex, fingerprint: string): Snapshot {
  const { vocabulary: v, postings: p, rows: r } = index;
  return {
    version: SNAPSHOT_VERSION,
    fingerprint,
    documents: index.documents,
    vocabulary: {
      latin: [...v.latin.values()],
      han: [...v.han.values()],
      fuzzyLatin: v.fuzzyLatin,
      maxHanLength: v.maxHanLength,
      hanChars: [...v.hanChars].join(''),
    },
    postings: {
      zhTexts: p.zhTexts,
      zhOcc: csrOut(p.zhOcc),
      zhOccWeight: b64(p.zhOccWeight),
      enTexts: p.enTexts,
      enOcc: csrOut(p.enOcc),
      enOccWeight: b64(p.enOccWeight),
      zhTerms: p.zhTerms,
      zhTermTexts: csrOut(p.zhTermTexts),
      enWords: p.enWords,
      enWordTexts: csrOut(p.enWordTexts),
      keys: p.keys,
      keyDocs: csrOut(p.keyDocs),
    },
    rows: { weights: b64(r.weights), batches: r.batches.length },
  };
}

/** The lines after the index's: one per batch of stored rows, each a small string to parse. */
export function rowBatchLines(index: SearchIndex): unknown[] {
  return index.rows.batches.map((b) => ({
    keys: b.keys,
    docStart: b64(b.docStart),
    gapStart: b64(b.gapStart),
    gaps: b64(b.gaps),
    codes: b64(b.codes),
  }));
}

function rowBatchIn(json: unknown): RowBatch {
  const b = json as Record<string, unknown> | null;
  if (typeof b !== 'object' || b === null || !isStrings(b.keys)) throw new SnapshotError('malformed: row batch');
  for (const k of ['docStart', 'gapStart', 'gaps', 'codes'])
    if (typeof b[k] !== 'string') throw new SnapshotError(`malformed: row batch ${k}`);
  const batch: RowBatch = {
    keys: b.keys,
    docStart: int32(b.docStart as string),
    gapStart: int32(b.gapStart as string),
    gaps: uint8(b.gaps as string),
    codes: uint8(b.codes as string),
  };
  const n = batch.keys.length;
  if (batch.docStart.length !== n + 1 || batch.docStart[n] !== batch.codes.length)
    throw new SnapshotError('row batch: codes');
  if (batch.gapStart.length !== n + 1 || batch.gapStart[n] !== batch.gaps.length)
    throw new SnapshotError('row batch: gaps');
  return batch;
}

export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
}

const csrIn = (c: { start: string; items: string }, rows: number, what: string): Csr => {
  const out = { start: int32(c.start), items: int32(c.items) };
  if (out.start.length !== rows + 1 || out.start[rows] !== out.items.length) {
    throw new SnapshotError(`${what}: row starts do not fit the rows`);
  }
  return out;
};

const isStrings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
const isCsr = (x: unknown) => {
  const c = x as { start?: unknown; items?: unknown } | null;
  return typeof c === 'object' && c !== null && typeof c.start === 'string' && typeof c.items === 'string';
};
const isConcepts = (x: unknown) =>
  Array.isArray(x) &&
  x.every((c) => typeof (c as Concept | null)?.key === 'string' && Array.isArray((c as Concept).zh));

/**
 * Which field of a snapshot (already matched to this version and these data) has the wrong shape, if any.
 * Written by hand, not with snapshotSchema: this runs at every start-up on every key of the vocabulary, and
 * the schema's parse cost more than the rest of loading the snapshot. The snapshot was written by this
 * build from validated data, so this guards against a damaged file, not against untrusted input.
 */
function misshapen(json: unknown): string | undefined {
  const s = json as Partial<Snapshot>;
  if (typeof s.documents !== 'string') return 'documents';
  const v = s.vocabulary;
  if (typeof v !== 'object' || v === null) return 'vocabulary';
  if (!isConcepts(v.latin) || !isConcepts(v.han)) return 'vocabulary concepts';
  if (!isStrings(v.fuzzyLatin) || typeof v.maxHanLength !== 'number' || typeof v.hanChars !== 'string')
    return 'vocabulary keys';
  const p = s.postings as Record<string, unknown> | undefined;
  if (typeof p !== 'object' || p === null) return 'postings';
  for (const k of ['zhTexts', 'enTexts', 'zhTerms', 'enWords', 'keys']) if (!isStrings(p[k])) return `postings.${k}`;
  for (const k of ['zhOcc', 'enOcc', 'zhTermTexts', 'enWordTexts', 'keyDocs']) if (!isCsr(p[k])) return `postings.${k}`;
  for (const k of ['zhOccWeight', 'enOccWeight']) if (typeof p[k] !== 'string') return `postings.${k}`;
  const r = s.rows as Record<string, unknown> | undefined;
  if (typeof r !== 'object' || r === null || typeof r.weights !== 'string' || !Number.isInteger(r.batches))
    return 'rows';
  return undefined;
}

/**
 * The index a snapshot holds (its line, then the row batches' lines after it, each asked of nextLine), if it was
 * built from data with this fingerprint by this version;
 * otherwise a SnapshotError saying why (the caller rebuilds, never serves it).
 */
export function fromSnapshot(
  json: unknown,
  fingerprint: string,
  nextLine: () => unknown = () => undefined,
): SearchIndex {
  const envelope = z.object({ version: z.number(), fingerprint: z.string() }).safeParse(json);
  if (!envelope.success) throw new SnapshotError('not an index snapshot');
  if (envelope.data.version !== SNAPSHOT_VERSION)
    throw new SnapshotError(`built by version ${envelope.data.version}, this is ${SNAPSHOT_VERSION}`);
  if (envelope.data.fingerprint !== fingerprint) throw new SnapshotError('the data files changed since it was built');
  const shapeProblem = misshapen(json);
  if (shapeProblem !== undefined) throw new SnapshotError(`malformed: ${shapeProblem}`);
  const { vocabulary: v, postings: p, rows: r, documents } = json as Snapshot;
  const keyed = (cs: Concept[]) => new Map(cs.map((c) => [c.key, c]));
  const postings: PostingsData = {
    zhTexts: p.zhTexts,
    zhOcc: csrIn(p.zhOcc, p.zhTexts.length, 'zhOcc'),
    zhOccWeight: float64(p.zhOccWeight),
    enTexts: p.enTexts,
    enOcc: csrIn(p.enOcc, p.enTexts.length, 'enOcc'),
    enOccWeight: float64(p.enOccWeight),
    zhTerms: p.zhTerms,
    zhTermTexts: csrIn(p.zhTermTexts, p.zhTerms.length, 'zhTermTexts'),
    enWords: p.enWords,
    enWordTexts: csrIn(p.enWordTexts, p.enWords.length, 'enWordTexts'),
    keys: p.keys,
    keyDocs: csrIn(p.keyDocs, p.keys.length, 'keyDocs'),
  };
  if (postings.zhOccWeight.length !== postings.zhOcc.items.length) throw new SnapshotError('zhOccWeight: wrong length');
  if (postings.enOccWeight.length !== postings.enOcc.items.length) throw new SnapshotError('enOccWeight: wrong length');
  // Each batch's line is read and decoded before the next: none waits in memory as text.
  const batches: RowBatch[] = [];
  for (let i = 0; i < r.batches; i++) {
    const line = nextLine();
    if (line === undefined) throw new SnapshotError('row batches cut short');
    batches.push(rowBatchIn(line));
  }
  const rows: RowTableData = { weights: float64(r.weights), batches };
  return {
    vocabulary: {
      latin: keyed(v.latin),
      han: keyed(v.han),
      fuzzyLatin: v.fuzzyLatin,
      maxHanLength: v.maxHanLength,
      hanChars: new Set(v.hanChars),
    },
    postings,
    rows,
    documents,
  };
}
