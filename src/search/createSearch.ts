// The search engine: resolve the query to concepts, score the documents the postings list for them.
import { createHash } from 'node:crypto';
import type { Corpus } from '../corpus/types.ts';
import type { Concept } from './concept.ts';
import { addRow, addRowAllowed, addRowAt, normalise } from './accumulate.ts';
import { bestFirst } from './bestFirst.ts';
import { buildCollections, englishTexts, type SearchDoc } from './documents.ts';
import { normalize } from './normalize.ts';
import { SEARCH } from './options.ts';
import { matchConcept } from './matchConcept.ts';
import { buildPostings, Postings, type PostingsData, type Row } from './postings.ts';
import { QueryResolver, type ResolvedQuery } from './resolveQuery.ts';
import { buildRowTable, RowTable, rowKey, type RowTableData } from './rowTable.ts';
import { buildVocabulary, type Vocabulary } from './vocabulary.ts';

export type Command = 'when' | 'quote' | 'who';
export const COMMANDS: readonly Command[] = ['when', 'quote', 'who'];

export interface Hit {
  doc: SearchDoc;
  /** Relevance in [0, 1], higher is better. */
  score: number;
  /** The Chinese terms that matched, for highlighting. */
  terms: string[];
}

export interface SearchOutcome {
  hits: Hit[];
  suggestions: string[];
}

/** A word reached through a typo is less certain than one typed right: "dolor" is not surely "donor". */
const FUZZY_FACTOR = 0.8;
/** The query's first person is most likely the speaker asked about ("OpenAI about Musk"). */
const LATER_SUBJECT_WEIGHT = 0.95;
/** A row this many times longer than the chosen documents is binary-searched for each of them instead. */
const SPARSE_FACTOR = 16;

/** Cached match rows hold at most this many postings in all (a few tens of MB). */
const MAX_CACHED_POSTINGS = 2_000_000;

function dateFactor(doc: SearchDoc): number {
  const f = SEARCH.dateFactor;
  if (!doc.date) return f.none;
  if (doc.date.basis !== 'narrative') return f[doc.date.basis];
  return doc.date.crossesSection ? f.crossesSection : f.narrative;
}

export interface SearchOptions {
  /**
   * Score only these documents, by their place in the command's collection: the question reader has
   * already chosen the candidates. The others are skipped as their postings are read.
   */
  only?: ArrayLike<number>;
  /** Overrides SEARCH.minCoverage: ranking candidates already known to answer needs no floor. */
  minCoverage?: number;
}

export interface Search {
  search(command: Command, query: string, options?: SearchOptions): SearchOutcome;
  /** The best few documents for an empty autocomplete box: the main people and events. */
  defaults(command: Command): SearchDoc[];
  /**
   * Documents for a half-typed query: search hits first, then names that start with (or contain) it;
   * at most `limit` of them.
   */
  complete(command: Command, partial: string, limit?: number): SearchDoc[];
  /** Forgets every cached query and match, so the next query costs what a first one does. */
  clearCaches(): void;
  /** Builds now what first use would build (typo and character indexes, dictionaries): for a process that answers many. */
  warm(): void;
  /** What the words of a text stand for (names, typos, pinyin), for the question reader. */
  resolve(text: string): ResolvedQuery;
  /** One Latin key exactly as the vocabulary has it, without the typo search. */
  lookup(word: string): Concept | undefined;
  collections: Record<Command, SearchDoc[]>;
}

export interface SearchIndex {
  vocabulary: Vocabulary;
  postings: PostingsData;
  /** The vocabulary's long rows, built ahead. */
  rows: RowTableData;
  /** Which documents the postings number, in order: an index of other documents is not used. */
  documents: string;
}

/** A digest of the numbered documents' ids and field counts. */
function documentsDigest(all: readonly SearchDoc[]): string {
  const hash = createHash('sha256');
  for (const d of all) hash.update(`${d.id}\u0000${d.fields.length}\u0000`);
  return hash.digest('hex');
}

/** The documents of every collection, numbered one after the other, and where each collection starts. */
function numbered(collections: Record<Command, SearchDoc[]>) {
  const all: SearchDoc[] = [];
  const offset = {} as Record<Command, number>;
  for (const c of COMMANDS) {
    offset[c] = all.length;
    all.push(...collections[c]);
  }
  return { all, offset };
}

const HAN_DATE_TEXT = /\d{4}年(?:\d{1,2}月)?/g;

/** Every Chinese term the vocabulary's concepts carry, and the dates the texts spell: what queries resolve to. */
function indexedTerms(vocabulary: Vocabulary, docs: readonly SearchDoc[]): string[] {
  const terms = new Set<string>();
  for (const map of [vocabulary.han, vocabulary.latin])
    for (const c of map.values()) for (const t of c.zh) terms.add(t);
  for (const d of docs) {
    for (const f of d.fields) {
      for (const m of f.zh.matchAll(HAN_DATE_TEXT)) {
        terms.add(m[0]);
        terms.add(m[0].replace(/\d{1,2}月$/, ''));
      }
    }
  }
  return [...terms];
}

/** The vocabulary and postings: all the work that depends only on the data (the snapshot stores it). */
export function buildSearchIndex(corpus: Corpus, collections = buildCollections(corpus)): SearchIndex {
  const vocabulary = buildVocabulary(corpus, englishTexts(corpus));
  const { all, offset } = numbered(collections);
  const postings = buildPostings(all, indexedTerms(vocabulary, all));
  const ranges = COMMANDS.map((c) => [c, offset[c], offset[c] + collections[c].length] as const);
  const concepts = [...vocabulary.han.values(), ...vocabulary.latin.values()];
  const rows = buildRowTable(new Postings(postings, all.length), concepts, ranges);
  return { vocabulary, postings, rows, documents: documentsDigest(all) };
}

export function createSearch(corpus: Corpus, index?: SearchIndex): Search {
  const collections = buildCollections(corpus);
  const { all, offset } = numbered(collections);
  const usable = index && index.documents === documentsDigest(all) ? index : undefined;
  const { vocabulary, postings: data, rows } = usable ?? buildSearchIndex(corpus, collections);
  // The documents' field texts become the index's own copies of the same texts: one string per distinct
  // text, held once (a field's text is otherwise a second, unflattened copy of it).
  const intern = (texts: readonly string[]) => new Map(texts.map((t) => [t, t]));
  const zhTexts = intern(data.zhTexts);
  const enTexts = intern(data.enTexts);
  for (const d of all) {
    for (const f of d.fields) {
      f.zh = zhTexts.get(f.zh) ?? f.zh;
      f.en = enTexts.get(f.en) ?? f.en;
    }
  }
  const resolver = new QueryResolver(vocabulary);
  const postings = new Postings(data, all.length);
  const stored = new RowTable(rows);
  const score = new Float64Array(all.length);
  // Computed once: `when` prefers stated dates and curated events (a per-document constant).
  const whenFactor = Float64Array.from(
    all,
    (doc) => dateFactor(doc) * (doc.kind === 'paragraph' ? SEARCH.paragraphFactor : 1),
  );
  const matchCache = new Map<string, Row>();
  let cachedEntries = 0;
  /** The documents of `only`, marked by number while a search runs. */
  const allowed = new Uint8Array(all.length);
  /** The documents a search scores, in the order first met. */
  const found = new Int32Array(all.length);
  /** The documents of `only`, each once, by number. */
  const onlyBuf = new Int32Array(all.length);

  function matches(command: Command, c: Concept): Row {
    // By what the row is made of: "musk", "马斯克" and "masike" are one row, built once.
    const key = rowKey(command, c);
    let row = matchCache.get(key);
    if (!row) {
      const lo = offset[command];
      row = stored.row(key) ?? postings.row(c, lo, lo + collections[command].length);
      // Bounded by postings held, not rows: a row can list every document of a thousand articles.
      while (matchCache.size > 0 && (matchCache.size >= SEARCH.cacheSize || cachedEntries > MAX_CACHED_POSTINGS)) {
        const oldest = matchCache.keys().next().value as string;
        cachedEntries -= matchCache.get(oldest)!.docs.length;
        matchCache.delete(oldest);
      }
      matchCache.set(key, row);
      cachedEntries += row.docs.length;
    }
    return row;
  }

  function search(command: Command, query: string, options: SearchOptions = {}): SearchOutcome {
    const { only, minCoverage = SEARCH.minCoverage } = options;
    const docs = collections[command];
    const { concepts, unmatched, nearMisses } = resolver.resolve(query);
    const rows = concepts.map((c) => ({ c, row: matches(command, c) }));
    let total = unmatched.length * SEARCH.unmatchedWeight;
    const weighted = rows.flatMap(({ c, row }) => {
      if (row.df === 0) {
        total += SEARCH.unmatchedWeight;
        return [];
      }
      const idf = Math.log(1 + docs.length / row.df);
      total += idf;
      return [{ c, row, idf }];
    });
    // Into a buffer kept between searches: a query over a thousand articles has tens of thousands.
    let n = 0;
    const lo = offset[command];
    // The chosen documents, each once: a concept's row much longer than they are is searched, not read.
    let chosen = 0;
    if (only) {
      for (let i = 0; i < only.length; i++) {
        const g = lo + only[i]!;
        if (only[i]! >= docs.length || allowed[g] === 1) continue;
        allowed[g] = 1;
        onlyBuf[chosen++] = g;
      }
    }
    if (weighted.length > 0 && total > 0) {
      const firstPerson = weighted.find((w) => w.c.entities.length > 0);
      // Summed concept by concept, in query order, as a scan of every document adds them.
      for (const w of weighted) {
        const k = {
          idf: w.idf,
          subjectWeight: w === firstPerson ? 1 : LATER_SUBJECT_WEIGHT,
          fuzzy: w.c.fuzzy ? FUZZY_FACTOR : 1,
        };
        if (!only) n = addRow(w.row, k, score, found, n);
        else if (chosen * SPARSE_FACTOR < w.row.docs.length) n = addRowAt(w.row, k, score, found, n, onlyBuf, chosen);
        else n = addRowAllowed(w.row, k, score, found, n, allowed);
      }
      normalise(score, found, n, total, whenFactor, command === 'when');
    }
    for (let x = 0; x < chosen; x++) allowed[onlyBuf[x]!] = 0;
    const candidates = found.subarray(0, n);
    const outcome = rank(command, candidates, weighted, nearMisses, minCoverage);
    for (let c = 0; c < n; c++) score[found[c]!] = 0;
    return outcome;
  }

  function rank(
    command: Command,
    candidates: Int32Array,
    weighted: Array<{ c: Concept }>,
    nearMisses: Concept[],
    minCoverage: number,
  ): SearchOutcome {
    let best = 0;
    for (let c = 0; c < candidates.length; c++) if (score[candidates[c]!]! > best) best = score[candidates[c]!]!;
    if (candidates.length === 0 || best < minCoverage || best === 0) {
      const partial = new Set<string>();
      bestFirst(candidates, score, SEARCH.maxSuggestions, (g) => {
        partial.add(all[g]!.suggestion);
        return partial.size < SEARCH.maxSuggestions;
      });
      return { hits: [], suggestions: suggest(command, [...partial], nearMisses) };
    }
    const floor = best * SEARCH.relativeCutoff;
    const hits: Hit[] = [];
    // Two `when` results quoting the same paragraph would show the same passage twice: keep the better.
    const refs = new Set<string>();
    bestFirst(
      candidates,
      score,
      SEARCH.maxResults,
      (g) => {
        if (score[g]! < floor) return false;
        const doc = all[g]!;
        if (command === 'when') {
          if (refs.has(doc.ref)) return true;
          refs.add(doc.ref);
        }
        const terms = weighted.flatMap((w) => matchConcept(doc, w.c).terms);
        hits.push({ doc, score: score[g]!, terms: [...new Set(terms)] });
        return hits.length < SEARCH.maxResults;
      },
      best,
    );
    return { hits, suggestions: [] };
  }

  function suggest(command: Command, partial: string[], nearMisses: Concept[]): string[] {
    const out = new Set<string>(partial);
    for (const c of nearMisses) if (c.display && c.priority >= 2) out.add(c.display);
    for (const d of curated[command]) {
      if (out.size >= SEARCH.maxSuggestions) break;
      out.add(d.suggestion);
    }
    return [...out].slice(0, SEARCH.maxSuggestions);
  }

  /** The curated documents, in the curators' order: people and events first, not bare paragraphs. */
  const curated = Object.fromEntries(
    COMMANDS.map((c) => [c, collections[c].filter((d) => d.kind !== 'paragraph')]),
  ) as Record<Command, SearchDoc[]>;
  function defaults(command: Command): SearchDoc[] {
    // A copy: the list is computed once (a thousand articles' documents), the caller may change its own.
    return [...curated[command]];
  }

  /** Each document's completion text, normalised on first use. */
  const completions = new Array<string | undefined>(all.length);
  const completion = (g: number) => (completions[g] ??= normalize(all[g]!.completionText));

  function complete(command: Command, partial: string, limit = Infinity): SearchDoc[] {
    const q = normalize(partial);
    if (q === '') return defaults(command).slice(0, limit);
    const out = new Set(search(command, partial).hits.map((h) => h.doc));
    const lo = offset[command];
    const hi = lo + collections[command].length;
    // Word starts first, then anywhere; each pass stops as soon as the box is full.
    for (let g = lo; g < hi && out.size < limit; g++) if (` ${completion(g)}`.includes(` ${q}`)) out.add(all[g]!);
    for (let g = lo; g < hi && out.size < limit; g++) if (completion(g).includes(q)) out.add(all[g]!);
    return [...out].slice(0, limit);
  }

  function clearCaches(): void {
    matchCache.clear();
    cachedEntries = 0;
    postings.clearCache();
    resolver.clearCache();
  }

  return {
    search,
    defaults,
    complete,
    clearCaches,
    warm: () => {
      resolver.warm();
      postings.warm();
    },
    resolve: (text) => resolver.resolve(text),
    lookup: (word) => resolver.lookup(word),
    collections,
  };
}
