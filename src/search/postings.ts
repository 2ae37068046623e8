// The inverted index: concept keys (Chinese terms, English words, entities, subjects, dates) → the
// documents and field weights that have them, so a query touches only the documents with its concepts.
import type { Concept } from './concept.ts';
import type { SearchDoc } from './documents.ts';
import { DATE_WEIGHT, MENTION_WEIGHT } from './matchConcept.ts';
import { TermFinder } from './termFinder.ts';

/** Compressed rows: the items of row i are items[start[i] .. start[i+1]). */
export interface Csr {
  start: Int32Array;
  items: Int32Array;
}

/** Everything the index holds, as plain data (the snapshot writes and reads exactly this). */
export interface PostingsData {
  /** Distinct Chinese field texts; a field is found through its text. */
  zhTexts: string[];
  /** Per Chinese text: the documents (global numbers) with a field of that text, and the field's weight. */
  zhOcc: Csr;
  zhOccWeight: Float64Array;
  enTexts: string[];
  enOcc: Csr;
  enOccWeight: Float64Array;
  /** Chinese terms known at build time (the vocabulary's), each with the texts containing it. */
  zhTerms: string[];
  zhTermTexts: Csr;
  /** English words, each with the English texts that have it as a whole word. */
  enWords: string[];
  enWordTexts: Csr;
  /** Keyed document lists: "entity:musk", "subject:musk", "date:2019-07" (date prefixes at year, month, day). */
  keys: string[];
  keyDocs: Csr;
}

export interface Row {
  /** Documents (global numbers, ascending) the concept matches, with their weight and whether it is their subject. */
  docs: Int32Array;
  weights: Float64Array;
  subject: Uint8Array;
  /** Documents with a weight above 0: the concept's document frequency. */
  df: number;
}

function toCsr(lists: number[][]): Csr {
  const start = new Int32Array(lists.length + 1);
  let n = 0;
  lists.forEach((l, i) => {
    start[i] = n;
    n += l.length;
  });
  start[lists.length] = n;
  const items = new Int32Array(n);
  lists.forEach((l, i) => items.set(l, start[i]));
  return { start, items };
}

const datePrefixes = (start: string) =>
  [start.slice(0, 4), start.slice(0, 7), start].filter((s, i, a) => a.indexOf(s) === i);

/** For each term, the texts containing it, ascending. */
function termTexts(terms: string[], texts: string[]): number[][] {
  const finder = new TermFinder(terms);
  const out: number[][] = terms.map(() => []);
  const lastText = new Int32Array(terms.length).fill(-1);
  texts.forEach((text, textId) =>
    finder.scan(text, (id) => {
      if (lastText[id] === textId) return;
      lastText[id] = textId;
      out[id]!.push(textId);
    }),
  );
  return out;
}

/** Builds the index over every collection's documents, numbered one after the other. */
export function buildPostings(docs: readonly SearchDoc[], zhTerms: readonly string[]): PostingsData {
  const zhIds = new Map<string, number>();
  const enIds = new Map<string, number>();
  const zhOcc: number[][] = [];
  const zhW: number[][] = [];
  const enOcc: number[][] = [];
  const enW: number[][] = [];
  const keyIds = new Map<string, number>();
  const keyDocs: number[][] = [];
  const key = (k: string, g: number) => {
    let id = keyIds.get(k);
    if (id === undefined) {
      id = keyDocs.length;
      keyIds.set(k, id);
      keyDocs.push([]);
    }
    keyDocs[id]!.push(g);
  };
  const occ = (
    ids: Map<string, number>,
    lists: number[][],
    weights: number[][],
    text: string,
    g: number,
    w: number,
  ) => {
    let id = ids.get(text);
    if (id === undefined) {
      id = lists.length;
      ids.set(text, id);
      lists.push([]);
      weights.push([]);
    }
    lists[id]!.push(g);
    weights[id]!.push(w);
  };
  docs.forEach((d, g) => {
    for (const f of d.fields) {
      occ(zhIds, zhOcc, zhW, f.zh, g, f.weight);
      occ(enIds, enOcc, enW, f.en, g, f.weight);
    }
    for (const id of d.entities) key(`entity:${id}`, g);
    if (d.subject !== undefined) key(`subject:${d.subject}`, g);
    if (d.date) for (const p of datePrefixes(d.date.start)) key(`date:${p}`, g);
  });
  const zhTexts = [...zhIds.keys()];
  const enTexts = [...enIds.keys()];
  const terms = [...new Set(zhTerms)].filter((t) => t !== '');
  const wordIds = new Map<string, number>();
  const wordTexts: number[][] = [];
  enTexts.forEach((text, textId) => {
    for (const w of new Set(text.split(' '))) {
      if (w === '') continue;
      let id = wordIds.get(w);
      if (id === undefined) {
        id = wordTexts.length;
        wordIds.set(w, id);
        wordTexts.push([]);
      }
      wordTexts[id]!.push(textId);
    }
  });
  return {
    zhTexts,
    zhOcc: toCsr(zhOcc),
    zhOccWeight: Float64Array.from(zhW.flat()),
    enTexts,
    enOcc: toCsr(enOcc),
    enOccWeight: Float64Array.from(enW.flat()),
    zhTerms: terms,
    zhTermTexts: toCsr(termTexts(terms, zhTexts)),
    enWords: [...wordIds.keys()],
    enWordTexts: toCsr(wordTexts),
    keys: [...keyIds.keys()],
    keyDocs: toCsr(keyDocs),
  };
}

/** CJK radicals and up: the units the character index keeps (Latin and punctuation are in most texts). */
const FIRST_HAN = 0x2e80;
const UNITS = 0x10000;

const rowOf = (csr: Csr, i: number) => csr.items.subarray(csr.start[i], csr.start[i + 1]);
const EMPTY = new Int32Array(0);

/** Query-time view of PostingsData: concept → matching documents of one collection. */
export class Postings {
  private readonly zhTermId: Map<string, number>;
  private readonly enWordId: Map<string, number>;
  private readonly keyId: Map<string, number>;
  /** The character index (charIndex). */
  private charTexts: Csr | undefined;
  /** Chinese terms not known at build time (a query's unknown word), found by one scan and kept. */
  private readonly scanned = new Map<string, Int32Array>();
  private readonly weight: Float64Array;
  private readonly isSubject: Uint8Array;
  private readonly inRow: Uint8Array;
  private readonly dated: Uint8Array;
  /** Buffers kept between rows: a row over a thousand articles touches tens of thousands of documents. */
  private readonly touchedBuf: Int32Array;
  private readonly datedBuf: Int32Array;
  /** Marks of the texts a row has read, per language. */
  private readonly zhSeen: Uint8Array;
  private readonly enSeen: Uint8Array;

  constructor(
    readonly data: PostingsData,
    docCount: number,
  ) {
    this.zhTermId = new Map(data.zhTerms.map((t, i) => [t, i]));
    this.enWordId = new Map(data.enWords.map((w, i) => [w, i]));
    this.keyId = new Map(data.keys.map((k, i) => [k, i]));
    this.weight = new Float64Array(docCount);
    this.isSubject = new Uint8Array(docCount);
    this.inRow = new Uint8Array(docCount);
    this.dated = new Uint8Array(docCount);
    this.touchedBuf = new Int32Array(docCount);
    this.datedBuf = new Int32Array(docCount);
    this.zhSeen = new Uint8Array(data.zhTexts.length);
    this.enSeen = new Uint8Array(data.enTexts.length);
  }

  clearCache(): void {
    this.scanned.clear();
  }

  /** Builds the character index now, ahead of the first word the vocabulary does not have. */
  warm(): void {
    this.charIndex();
  }

  /** Per UTF-16 unit from FIRST_HAN up, the Chinese texts that have it, ascending; built on first need. */
  private charIndex(): Csr {
    if (this.charTexts) return this.charTexts;
    const texts = this.data.zhTexts;
    const start = new Int32Array(UNITS + 1);
    const last = new Int32Array(UNITS).fill(-1);
    // Two passes over the texts: counts, then places; each text counted once per unit it has.
    for (let pass = 0; pass < 2; pass++) {
      const items = pass === 1 ? new Int32Array(start[UNITS]!) : undefined;
      const at = pass === 1 ? start.slice(0, UNITS) : undefined;
      last.fill(-1);
      for (let i = 0; i < texts.length; i++) {
        const t = texts[i]!;
        for (let j = 0; j < t.length; j++) {
          const u = t.charCodeAt(j);
          if (u < FIRST_HAN || last[u] === i) continue;
          last[u] = i;
          if (items) items[at![u]!++] = i;
          else start[u + 1]!++;
        }
      }
      if (!items) for (let u = 0; u < UNITS; u++) start[u + 1] = start[u + 1]! + start[u]!;
      else this.charTexts = { start, items };
    }
    return this.charTexts!;
  }

  /** Chinese texts containing the term as a substring. */
  private zhTextsWith(term: string): Int32Array {
    const id = this.zhTermId.get(term);
    if (id !== undefined) return rowOf(this.data.zhTermTexts, id);
    let hit = this.scanned.get(term);
    if (!hit) {
      // Only the texts with the term's rarest Han character can have it: a word the article lacks reads few.
      const { start, items } = this.charIndex();
      let from = 0;
      let to = -1;
      for (let j = 0; j < term.length; j++) {
        const u = term.charCodeAt(j);
        if (u < FIRST_HAN) continue;
        if (to < 0 || start[u + 1]! - start[u]! < to - from) [from, to] = [start[u]!, start[u + 1]!];
      }
      const found: number[] = [];
      const { zhTexts } = this.data;
      if (to < 0) zhTexts.forEach((t, i) => t.includes(term) && found.push(i));
      else for (let k = from; k < to; k++) if (zhTexts[items[k]!]!.includes(term)) found.push(items[k]!);
      hit = Int32Array.from(found);
      if (this.scanned.size >= 1000) this.scanned.delete(this.scanned.keys().next().value as string);
      this.scanned.set(term, hit);
    }
    return hit;
  }

  /** English texts with the stemmed word or phrase as whole words. */
  private enTextsWith(phrase: string): Int32Array {
    const words = phrase.split(' ');
    if (words.length === 1 && phrase !== '') {
      const id = this.enWordId.get(phrase);
      return id === undefined ? EMPTY : rowOf(this.data.enWordTexts, id);
    }
    // A phrase: the texts of its rarest word, then the phrase itself checked in each.
    let rarest: Int32Array | undefined;
    for (const w of words) {
      if (w === '') continue;
      const id = this.enWordId.get(w);
      if (id === undefined) return EMPTY;
      const texts = rowOf(this.data.enWordTexts, id);
      if (!rarest || texts.length < rarest.length) rarest = texts;
    }
    const padded = ` ${phrase} `;
    const candidates = rarest ?? Int32Array.from(this.data.enTexts.keys());
    return candidates.filter((i) => this.data.enTexts[i]!.includes(padded));
  }

  private docsWith(key: string): Int32Array {
    const id = this.keyId.get(key);
    return id === undefined ? EMPTY : rowOf(this.data.keyDocs, id);
  }

  private datedDocs(prefix: string): Int32Array[] {
    if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(prefix)) return [this.docsWith(`date:${prefix}`)];
    // Any other prefix: every indexed date prefix that starts with it (a document's full start is one).
    return this.data.keys.filter((k) => k.startsWith(`date:${prefix}`)).map((k) => this.docsWith(k));
  }

  /** Marks a document as in the row being built; returns the new count of touched documents. */
  private touch(g: number, nt: number): number {
    if (this.inRow[g] === 1) return nt;
    this.inRow[g] = 1;
    this.touchedBuf[nt] = g;
    return nt + 1;
  }

  /** Each text's fields in [lo, hi): the document takes the best field weight; a text already read is skipped. */
  private readTexts(texts: Int32Array, lang: 0 | 1, lo: number, hi: number, nt: number): number {
    const { start, items } = lang === 0 ? this.data.zhOcc : this.data.enOcc;
    const occWeight = lang === 0 ? this.data.zhOccWeight : this.data.enOccWeight;
    const seen = lang === 0 ? this.zhSeen : this.enSeen;
    const { weight } = this;
    for (let x = 0; x < texts.length; x++) {
      const text = texts[x]!;
      if (seen[text] === 1) continue;
      seen[text] = 1;
      for (let k = start[text]!, end = start[text + 1]!; k < end; k++) {
        const g = items[k]!;
        if (g < lo || g >= hi) continue;
        nt = this.touch(g, nt);
        const w = occWeight[k]!;
        if (w > weight[g]!) weight[g] = w;
      }
    }
    return nt;
  }

  /** What matchConcept gives for every document of [lo, hi), for the documents where it is not nothing. */
  row(c: Concept, lo: number, hi: number): Row {
    const { weight, isSubject, inRow, dated, touchedBuf: touched, datedBuf: datedHere } = this;
    let nt = 0;
    // Small loops in small methods: a wide row is read before V8 has optimised much, and they optimise first.
    const zh = c.zh.map((t) => this.zhTextsWith(t));
    const en = c.en.map((s) => this.enTextsWith(s));
    for (const texts of zh) nt = this.readTexts(texts, 0, lo, hi, nt);
    for (const texts of en) nt = this.readTexts(texts, 1, lo, hi, nt);
    // A text two terms share ("马斯克", "埃隆马斯克") was read once: its marks are cleared for the next row.
    for (const texts of zh) for (let x = 0; x < texts.length; x++) this.zhSeen[texts[x]!] = 0;
    for (const texts of en) for (let x = 0; x < texts.length; x++) this.enSeen[texts[x]!] = 0;
    if (c.entities.length > 0) {
      for (let x = 0; x < nt; x++) weight[touched[x]!] = Math.min(weight[touched[x]!]!, MENTION_WEIGHT);
      for (const id of c.entities) {
        const mentioned = this.docsWith(`entity:${id}`);
        for (let x = 0; x < mentioned.length; x++) {
          const g = mentioned[x]!;
          if (g < lo || g >= hi) continue;
          nt = this.touch(g, nt);
          weight[g] = MENTION_WEIGHT;
        }
        const about = this.docsWith(`subject:${id}`);
        for (let x = 0; x < about.length; x++) {
          const g = about[x]!;
          if (g < lo || g >= hi) continue;
          nt = this.touch(g, nt);
          isSubject[g] = 1;
        }
      }
    }
    let nd = 0;
    for (const d of c.dates) {
      for (const docs of this.datedDocs(d)) {
        for (let x = 0; x < docs.length; x++) {
          const g = docs[x]!;
          if (g < lo || g >= hi || dated[g] === 1) continue;
          dated[g] = 1;
          datedHere[nd++] = g;
        }
      }
    }
    for (let x = 0; x < nd; x++) {
      const g = datedHere[x]!;
      nt = this.touch(g, nt);
      weight[g] = weight[g]! > 0 ? 1 : DATE_WEIGHT;
      dated[g] = 0;
    }
    // Ascending, as stored rows are: a search among chosen documents looks them up by binary search.
    touched.subarray(0, nt).sort();
    let n = 0;
    let df = 0;
    for (let x = 0; x < nt; x++) if (weight[touched[x]!]! > 0 || isSubject[touched[x]!] === 1) n++;
    const out: Row = { docs: new Int32Array(n), weights: new Float64Array(n), subject: new Uint8Array(n), df: 0 };
    let i = 0;
    for (let x = 0; x < nt; x++) {
      const g = touched[x]!;
      const w = weight[g]!;
      if (w > 0 || isSubject[g] === 1) {
        out.docs[i] = g;
        out.weights[i] = w;
        out.subject[i] = isSubject[g]!;
        i++;
        if (w > 0) df++;
      }
      weight[g] = 0;
      isSubject[g] = 0;
      inRow[g] = 0;
    }
    out.df = df;
    return out;
  }
}
