// A search's scoring loops, each a small function over typed arrays: V8 optimises each early and on its own,
// and a branch of the search around them taken for the first time never sends them back to the interpreter.
import type { Row } from './postings.ts';

/** What one posting adds: the concept's weight (the subject's, if it is the subject) × idf × the typo factor. */
export interface Contribution {
  idf: number;
  subjectWeight: number;
  fuzzy: number;
}

/** Adds the row to every document it lists; returns the count of found documents (each listed once, when first met). */
export function addRow(row: Row, k: Contribution, score: Float64Array, found: Int32Array, n: number): number {
  const { docs, weights, subject } = row;
  const { idf, subjectWeight, fuzzy } = k;
  for (let i = 0; i < docs.length; i++) {
    const g = docs[i]!;
    if (score[g] === 0) found[n++] = g;
    score[g] = score[g]! + idf * (subject[i] === 1 ? subjectWeight : weights[i]!) * fuzzy;
  }
  return n;
}

/** As addRow, for the documents marked in `allowed` only. */
export function addRowAllowed(
  row: Row,
  k: Contribution,
  score: Float64Array,
  found: Int32Array,
  n: number,
  allowed: Uint8Array,
): number {
  const { docs, weights, subject } = row;
  const { idf, subjectWeight, fuzzy } = k;
  for (let i = 0; i < docs.length; i++) {
    const g = docs[i]!;
    if (allowed[g] === 0) continue;
    if (score[g] === 0) found[n++] = g;
    score[g] = score[g]! + idf * (subject[i] === 1 ? subjectWeight : weights[i]!) * fuzzy;
  }
  return n;
}

/** Where g is in the ascending documents, or -1. */
export function indexIn(docs: Int32Array, g: number): number {
  let a = 0;
  let b = docs.length - 1;
  while (a <= b) {
    const m = (a + b) >> 1;
    const d = docs[m]!;
    if (d === g) return m;
    if (d < g) a = m + 1;
    else b = m - 1;
  }
  return -1;
}

/** As addRowAllowed, for the first `count` of `chosen` (distinct documents), each looked up in the row. */
export function addRowAt(
  row: Row,
  k: Contribution,
  score: Float64Array,
  found: Int32Array,
  n: number,
  chosen: Int32Array,
  count: number,
): number {
  const { docs, weights, subject } = row;
  const { idf, subjectWeight, fuzzy } = k;
  for (let x = 0; x < count; x++) {
    const g = chosen[x]!;
    const i = indexIn(docs, g);
    if (i < 0) continue;
    if (score[g] === 0) found[n++] = g;
    score[g] = score[g]! + idf * (subject[i] === 1 ? subjectWeight : weights[i]!) * fuzzy;
  }
  return n;
}

/** Each found document's sum over the query's total weight, times its own factor when `factor` applies. */
export function normalise(
  score: Float64Array,
  found: Int32Array,
  n: number,
  total: number,
  factor: Float64Array,
  useFactor: boolean,
): void {
  for (let c = 0; c < n; c++) {
    const g = found[c]!;
    let s = score[g]! / total;
    if (useFactor) s *= factor[g]!;
    score[g] = s;
  }
}
