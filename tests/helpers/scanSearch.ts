// The search as it was before the postings: every concept matched against every document by scanning
// its fields. The reference the postings must agree with (same hits, same scores), never used to serve.
import type { Corpus } from '../../src/corpus/types.ts';
import type { Concept } from '../../src/search/concept.ts';
import type { Command, Hit, SearchOptions, SearchOutcome } from '../../src/search/createSearch.ts';
import { buildCollections, englishTexts, type SearchDoc } from '../../src/search/documents.ts';
import { matchConcept, type Match } from '../../src/search/matchConcept.ts';
import { SEARCH } from '../../src/search/options.ts';
import { QueryResolver } from '../../src/search/resolveQuery.ts';
import { buildVocabulary } from '../../src/search/vocabulary.ts';

const FUZZY_FACTOR = 0.8;
const LATER_SUBJECT_WEIGHT = 0.95;

export interface ScanSearch {
  search(command: Command, query: string, options?: SearchOptions): SearchOutcome;
  resolver: QueryResolver;
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

export function scanSearch(corpus: Corpus): ScanSearch {
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
        if (only && !Array.prototype.includes.call(only, i)) return;
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

  return { search, resolver };
}
