// The built corpus as plain JSON data, for the snapshot: written at build time, read back at start-up
// without parsing or validating the data files again (they were validated when it was written, and the
// snapshot is only read while every one of them is unchanged).
import type { Corpus } from './types.ts';

/** What holds for every source: the data files under data/ itself. */
export interface CorpusHead {
  sources: Corpus['sources'];
  entities: Corpus['entities'];
  aliases: Corpus['aliases'];
  actions: Corpus['actions'];
}

/** One source's part: a line of its own in the snapshot, so a thousand articles never make one huge string. */
export interface CorpusPart {
  sourceId: string;
  paragraphs: Corpus['paragraphs'];
  quotes: Corpus['quotes'];
  events: Corpus['events'];
  facts: Corpus['facts'];
}

export function corpusHead(corpus: Corpus): CorpusHead {
  const { sources, entities, aliases, actions } = corpus;
  return { sources, entities, aliases, actions };
}

/** The corpus split by source, in source order. */
export function corpusParts(corpus: Corpus): CorpusPart[] {
  const of = <T extends { sourceId: string }>(items: readonly T[], id: string) =>
    items.filter((x) => x.sourceId === id);
  return corpus.sources.map((s) => ({
    sourceId: s.id,
    paragraphs: of(corpus.paragraphs, s.id),
    quotes: of(corpus.quotes, s.id),
    events: of(corpus.events, s.id),
    facts: of(corpus.facts, s.id),
  }));
}

/**
 * Equal strings made one: JSON.parse gives every occurrence its own copy, and a corpus repeats itself (a
 * paragraph's text in its events' and quotes' passages, the same section title on every paragraph, the
 * same sentence told by several sources). Walks the parsed data in place.
 */
const MIN_INTERNED = 12;

export function internStrings<T>(value: T, seen = new Map<string, string>(), lists = new Map<string, string[]>()): T {
  const one = (s: string) => {
    const known = seen.get(s);
    if (known !== undefined) return known;
    seen.set(s, s);
    return s;
  };
  const walk = (x: unknown): unknown => {
    // Short strings (ids, refs, dates) cost more to look up than they save.
    if (typeof x === 'string') return x.length < MIN_INTERNED ? x : one(x);
    if (Array.isArray(x)) {
      let strings = x.length > 0;
      for (let i = 0; i < x.length; i++) {
        const v: unknown = x[i];
        if (typeof v === 'object' || typeof v === 'string') x[i] = walk(v);
        if (typeof v !== 'string') strings = false;
      }
      if (!strings) return x;
      // A list of words every source repeats (a quote's topics, an entity's renderings) is held once.
      const key = (x as string[]).join('\u0001');
      const shared = lists.get(key);
      if (shared) return shared;
      lists.set(key, x as string[]);
      return x;
    }
    if (typeof x === 'object' && x !== null) {
      const o = x as Record<string, unknown>;
      // JSON.parse gives plain objects: every enumerable key is an own key.
      for (const k in o) {
        const v = o[k];
        if (typeof v === 'object' || typeof v === 'string') o[k] = walk(v);
      }
    }
    return x;
  };
  return walk(value) as T;
}

/** The corpus again, with its lookups; the parts in source order, as corpusParts wrote them. */
export function corpusFromData(head: CorpusHead, parts: readonly CorpusPart[]): Corpus {
  const paragraphs = parts.flatMap((p) => p.paragraphs);
  return {
    ...head,
    paragraphs,
    byRef: new Map(paragraphs.map((p) => [p.ref, p])),
    entityById: new Map(head.entities.map((e) => [e.id, e])),
    quotes: parts.flatMap((p) => p.quotes),
    events: parts.flatMap((p) => p.events),
    facts: parts.flatMap((p) => p.facts),
  };
}
