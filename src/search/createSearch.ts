// The search engine: resolve the query to concepts, score every document of the command's collection.
import type { Corpus } from '../corpus/types.ts';
import type { Concept } from './concept.ts';
import { buildCollections, englishTexts, type SearchDoc } from './documents.ts';
import { normalize } from './normalize.ts';
import { SEARCH } from './options.ts';
import { QueryResolver, type ResolvedQuery } from './resolveQuery.ts';
import { buildVocabulary } from './vocabulary.ts';

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

interface Match {
  /** The weight of the best field that has the concept, or 0. */
  weight: number;
  /** The concept is the document's subject: the quote's speaker, the entity itself. */
  subject: boolean;
  terms: string[];
}

/** A mention of a person is weaker evidence than the person being the subject (speaker, card). */
const MENTION_WEIGHT = 0.85;
/** A concept met only through the document's date context (a "2019" query on a 2019 event). */
const DATE_WEIGHT = 0.75;
/** A word reached through a typo is less certain than one typed right: "dolor" is not surely "donor". */
const FUZZY_FACTOR = 0.8;
/** The query's first person is most likely the speaker asked about ("OpenAI about Musk"). */
const LATER_SUBJECT_WEIGHT = 0.95;

function matchConcept(doc: SearchDoc, c: Concept): Match {
  let weight = 0;
  const terms: string[] = [];
  for (const f of doc.fields) {
    const zhHits = c.zh.filter((t) => f.zh.includes(t));
    terms.push(...zhHits);
    const hit = zhHits.length > 0 || c.en.some((s) => f.en.includes(` ${s} `));
    if (hit && f.weight > weight) weight = f.weight;
  }
  const subject = doc.subject !== undefined && c.entities.includes(doc.subject);
  if (c.entities.length > 0) {
    weight = Math.min(weight, MENTION_WEIGHT);
    if (c.entities.some((id) => doc.entities.has(id))) weight = MENTION_WEIGHT;
  }
  const start = doc.date?.start;
  if (start !== undefined && c.dates.some((d) => start.startsWith(d))) {
    // Dated then and saying so beats either alone: "July 2019" is the investment, not the LP told beside it.
    weight = weight > 0 ? 1 : DATE_WEIGHT;
  }
  return { weight, subject, terms };
}

function dateFactor(doc: SearchDoc): number {
  const f = SEARCH.dateFactor;
  if (!doc.date) return f.none;
  if (doc.date.basis !== 'narrative') return f[doc.date.basis];
  return doc.date.crossesSection ? f.crossesSection : f.narrative;
}

function onePerParagraph(hits: Hit[]): Hit[] {
  const seen = new Set<string>();
  return hits.filter((h) => !seen.has(h.doc.ref) && seen.add(h.doc.ref));
}

export interface SearchOptions {
  /** Score only these documents (by id): the question reader has already chosen the candidates. */
  only?: ReadonlySet<string>;
  /** Overrides SEARCH.minCoverage: ranking candidates already known to answer needs no floor. */
  minCoverage?: number;
}

export interface Search {
  search(command: Command, query: string, options?: SearchOptions): SearchOutcome;
  /** The best few documents for an empty autocomplete box: the main people and events. */
  defaults(command: Command): SearchDoc[];
  /** Documents for a half-typed query: search hits first, then names that start with (or contain) it. */
  complete(command: Command, partial: string): SearchDoc[];
  /** Forgets every cached query and match, so the next query costs what a first one does. */
  clearCaches(): void;
  /** What the words of a text stand for (names, typos, pinyin), for the question reader. */
  resolve(text: string): ResolvedQuery;
  /** One Latin key exactly as the vocabulary has it, without the typo search. */
  lookup(word: string): Concept | undefined;
  collections: Record<Command, SearchDoc[]>;
}

export function createSearch(corpus: Corpus): Search {
  const collections = buildCollections(corpus);
  const resolver = new QueryResolver(buildVocabulary(corpus, englishTexts(corpus)));
  const matchCache = new Map<string, Match[]>();

  function matches(command: Command, c: Concept) {
    const key = `${command}\u0000${c.key}\u0000${c.zh.join('|')}`;
    let row = matchCache.get(key);
    if (!row) {
      row = collections[command].map((d) => matchConcept(d, c));
      if (matchCache.size >= SEARCH.cacheSize) matchCache.delete(matchCache.keys().next().value as string);
      matchCache.set(key, row);
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
      const df = row.filter((m) => m.weight > 0).length;
      if (df === 0) {
        total += SEARCH.unmatchedWeight;
        return [];
      }
      const idf = Math.log(1 + docs.length / df);
      total += idf;
      return [{ c, row, idf }];
    });
    const scored: Hit[] = [];
    if (weighted.length > 0 && total > 0) {
      const firstPerson = weighted.find((w) => w.c.entities.length > 0);
      docs.forEach((doc, i) => {
        if (only && !only.has(doc.id)) return;
        let sum = 0;
        const terms: string[] = [];
        for (const w of weighted) {
          const m = w.row[i]!;
          const subjectWeight = w === firstPerson ? 1 : LATER_SUBJECT_WEIGHT;
          sum += w.idf * (m.subject ? subjectWeight : m.weight) * (w.c.fuzzy ? FUZZY_FACTOR : 1);
          terms.push(...m.terms);
        }
        if (sum === 0) return;
        let score = sum / total;
        if (command === 'when') score *= dateFactor(doc) * (doc.kind === 'paragraph' ? SEARCH.paragraphFactor : 1);
        scored.push({ doc, score, terms: [...new Set(terms)] });
      });
    }
    scored.sort((a, b) => b.score - a.score);
    const best = scored[0]?.score ?? 0;
    if (best < minCoverage || best === 0) {
      return { hits: [], suggestions: suggest(command, scored, nearMisses) };
    }
    const good = scored.filter((h) => h.score >= best * SEARCH.relativeCutoff);
    // Two `when` results quoting the same paragraph would show the same passage twice: keep the better.
    const hits = command === 'when' ? onePerParagraph(good) : good;
    return { hits: hits.slice(0, SEARCH.maxResults), suggestions: [] };
  }

  function suggest(command: Command, partial: Hit[], nearMisses: Concept[]): string[] {
    const out = new Set<string>();
    for (const h of partial) out.add(h.doc.suggestion);
    for (const c of nearMisses) if (c.display && c.priority >= 2) out.add(c.display);
    for (const d of defaults(command)) out.add(d.suggestion);
    return [...out].slice(0, SEARCH.maxSuggestions);
  }

  /** The curated documents, in the curators' order: people and events first, not bare paragraphs. */
  function defaults(command: Command): SearchDoc[] {
    return collections[command].filter((d) => d.kind !== 'paragraph');
  }

  function complete(command: Command, partial: string): SearchDoc[] {
    const q = normalize(partial);
    if (q === '') return defaults(command);
    const out = new Set(search(command, partial).hits.map((h) => h.doc));
    const docs = collections[command];
    for (const d of docs) if (` ${d.completion}`.includes(` ${q}`)) out.add(d);
    for (const d of docs) if (d.completion.includes(q)) out.add(d);
    return [...out];
  }

  function clearCaches(): void {
    matchCache.clear();
    resolver.clearCache();
  }

  return {
    search,
    defaults,
    complete,
    clearCaches,
    resolve: (text) => resolver.resolve(text),
    lookup: (word) => resolver.lookup(word),
    collections,
  };
}
