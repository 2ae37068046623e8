// The search index as data: vocabulary and postings, written at build time and read at start-up, tied to
// the corpus fingerprint so an index built from other data is never used.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Concept } from './concept.ts';
import type { SearchIndex } from './createSearch.ts';
import type { Csr, PostingsData } from './postings.ts';

/** Bumped whenever the snapshot's layout or anything that builds it changes meaning. */
export const SNAPSHOT_VERSION = 1;

/** SHA-256 over every data file the corpus was built from (path and the SHA-256 of its content), in path order. */
export function corpusFingerprint(files: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  for (const path of [...files.keys()].sort()) hash.update(`${path}\u0000${files.get(path)!}\u0000`);
  return hash.digest('hex');
}

const b64 = (a: Int32Array | Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function int32(s: string): Int32Array {
  const buf = Buffer.from(s, 'base64');
  // Copied into its own buffer: a Buffer's memory may be shared and unaligned.
  return new Int32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}

function float64(s: string): Float64Array {
  const buf = Buffer.from(s, 'base64');
  return new Float64Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
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
});

export type Snapshot = z.infer<typeof snapshotSchema>;

export function toSnapshot(index: SearchIndex, fingerprint: string): Snapshot {
  const { vocabulary: v, postings: p } = index;
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
  };
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

/**
 * The index a snapshot holds, if it was built from data with this fingerprint by this version;
 * otherwise a SnapshotError saying why (the caller rebuilds, never serves it).
 */
export function fromSnapshot(json: unknown, fingerprint: string): SearchIndex {
  const envelope = z.object({ version: z.number(), fingerprint: z.string() }).safeParse(json);
  if (!envelope.success) throw new SnapshotError('not an index snapshot');
  if (envelope.data.version !== SNAPSHOT_VERSION)
    throw new SnapshotError(`built by version ${envelope.data.version}, this is ${SNAPSHOT_VERSION}`);
  if (envelope.data.fingerprint !== fingerprint) throw new SnapshotError('the data files changed since it was built');
  const parsed = snapshotSchema.safeParse(json);
  if (!parsed.success) throw new SnapshotError(`malformed: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const { vocabulary: v, postings: p, documents } = parsed.data;
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
  return {
    vocabulary: {
      latin: keyed(v.latin),
      han: keyed(v.han),
      fuzzyLatin: v.fuzzyLatin,
      maxHanLength: v.maxHanLength,
      hanChars: new Set(v.hanChars),
    },
    postings,
    documents,
  };
}
