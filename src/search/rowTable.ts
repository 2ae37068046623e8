// Rows built ahead for the vocabulary's concepts and kept compact: a word that is in every article is read
// from one stored row at query time, not gathered again from thousands of texts.
import type { Concept } from './concept.ts';
import type { Postings, Row } from './postings.ts';

/** A concept whose rows are all shorter is gathered at query time: cheap to build, not worth the space. */
export const MIN_STORED_ROW = 64;
/** A code byte holds a weight's place (7 bits) and the subject flag. */
const MAX_WEIGHTS = 128;

/** A run of stored rows, plain data: the snapshot writes each on a line of its own, so none is one huge string. */
export interface RowBatch {
  /** rowKey of each row. */
  keys: string[];
  /** Row i has codes docStart[i] .. docStart[i+1] and gap bytes gapStart[i] .. gapStart[i+1]. */
  docStart: Int32Array;
  gapStart: Int32Array;
  /** The row's documents, ascending, each as its distance from the one before (the first: from 0), LEB128. */
  gaps: Uint8Array;
  /** Per document: its weight's place in `weights` × 2, plus 1 when the concept is its subject. */
  codes: Uint8Array;
}

export interface RowTableData {
  /** The distinct weights the codes point at. */
  weights: Float64Array;
  batches: RowBatch[];
}

/** Bytes of gaps and codes a batch holds before the next begins. */
const BATCH_BYTES = 1 << 19;

const sortedSet = (xs: readonly string[]) => [...new Set(xs)].sort().join('\u0001');

/** What a concept's row over a collection depends on: the collection, and its terms, words, entities and dates as sets. */
export function rowKey(collection: string, c: Concept): string {
  return `${collection}\u0000${sortedSet(c.zh)}\u0000${sortedSet(c.en)}\u0000${sortedSet(c.entities)}\u0000${sortedSet(c.dates)}`;
}

/** The rows of these concepts over each collection ([name, lo, hi) of global document numbers) that are long enough. */
export function buildRowTable(
  postings: Postings,
  concepts: Iterable<Concept>,
  collections: ReadonlyArray<readonly [name: string, lo: number, hi: number]>,
  minStored = MIN_STORED_ROW,
): RowTableData {
  const seen = new Set<string>();
  const weights: number[] = [];
  const place = new Map<number, number>();
  const batches: RowBatch[] = [];
  let keys: string[] = [];
  let docStart = [0];
  let gapStart = [0];
  let gaps: number[] = [];
  let codes: number[] = [];
  const close = () => {
    if (keys.length === 0) return;
    batches.push({
      keys,
      docStart: Int32Array.from(docStart),
      gapStart: Int32Array.from(gapStart),
      gaps: Uint8Array.from(gaps),
      codes: Uint8Array.from(codes),
    });
    [keys, docStart, gapStart, gaps, codes] = [[], [0], [0], [], []];
  };
  for (const c of concepts) {
    const rows = collections.flatMap(([name, lo, hi]) => {
      const key = rowKey(name, c);
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ key, row: postings.row(c, lo, hi) }];
    });
    // A concept long in one collection is stored in all: gathering its short row elsewhere (the 22 people
    // of `who`) still reads every text that has it, in every collection.
    if (!rows.some(({ row }) => row.docs.length >= minStored)) continue;
    for (const { key, row } of rows) {
      const fresh = new Set([...row.weights].filter((w) => !place.has(w)));
      if (place.size + fresh.size > MAX_WEIGHTS) continue;
      for (const w of fresh) {
        place.set(w, weights.length);
        weights.push(w);
      }
      const order = [...row.docs.keys()].sort((a, b) => row.docs[a]! - row.docs[b]!);
      let last = 0;
      for (const i of order) {
        const g = row.docs[i]!;
        for (let d = g - last; ; d >>>= 7) {
          if (d < 0x80) {
            gaps.push(d);
            break;
          }
          gaps.push((d & 0x7f) | 0x80);
        }
        last = g;
        codes.push(place.get(row.weights[i]!)! * 2 + row.subject[i]!);
      }
      keys.push(key);
      docStart.push(codes.length);
      gapStart.push(gaps.length);
      if (gaps.length + codes.length >= BATCH_BYTES) close();
    }
  }
  close();
  return { weights: Float64Array.from(weights), batches };
}

/** Query-time view: a stored row by its key, decoded. */
export class RowTable {
  private readonly ids = new Map<string, { batch: RowBatch; i: number }>();

  constructor(readonly data: RowTableData) {
    for (const batch of data.batches) batch.keys.forEach((k, i) => this.ids.set(k, { batch, i }));
  }

  /** The stored row, as Postings.row gives it but with its documents ascending; undefined when not stored. */
  row(key: string): Row | undefined {
    const at = this.ids.get(key);
    if (at === undefined) return undefined;
    const { batch, i } = at;
    const { docStart, gapStart, gaps, codes } = batch;
    const { weights } = this.data;
    const from = docStart[i]!;
    const n = docStart[i + 1]! - from;
    const out: Row = { docs: new Int32Array(n), weights: new Float64Array(n), subject: new Uint8Array(n), df: 0 };
    let p = gapStart[i]!;
    let g = 0;
    let df = 0;
    for (let x = 0; x < n; x++) {
      let d = 0;
      for (let shift = 0; ; shift += 7) {
        const b = gaps[p++]!;
        d |= (b & 0x7f) << shift;
        if (b < 0x80) break;
      }
      g += d;
      const code = codes[from + x]!;
      const w = weights[code >> 1]!;
      out.docs[x] = g;
      out.weights[x] = w;
      out.subject[x] = code & 1;
      if (w > 0) df++;
    }
    out.df = df;
    return out;
  }
}
