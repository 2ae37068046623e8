// Request → Answer. Pure: the corpus and search are handed in.
import { createHash } from 'node:crypto';
import type { Corpus, Paragraph } from '../corpus/types.ts';
import { COMMANDS, type Command, type Hit, type Search } from '../search/createSearch.ts';
import type { SearchDoc } from '../search/documents.ts';
import { SEARCH } from '../search/options.ts';
import { createQuestionAnswerer } from './answerQuestion.ts';
import type { Answer, Citation, Request, Result } from './types.ts';

export interface Answerer {
  answer(request: Request): Answer;
  /** Ranked results for an autocomplete box; the main people and events when it is empty. */
  complete(command: Command | typeof ASK, partial: string): Result[];
  /** Results by their index in the command's collection (as carried in a component's custom_id). */
  resultsAt(command: Command, indexes: readonly number[]): Result[];
  /** Every dated event, oldest first. */
  timeline(): Result[];
  /** Fingerprint of the searchable documents: ids in custom_ids are only valid for the same one. */
  version: string;
  corpus: Corpus;
  /** Forgets every remembered answer and search (the benchmark's "uncached"). */
  clearCaches(): void;
  /** Loads what the first questions would otherwise load on the way (see Search.warm); answers nothing. */
  warm(): void;
}

/**
 * Answers remembered, most recently asked kept: an answer is a pure function of the corpus and the request,
 * and the same few questions come again and again (a popular question, autocomplete's whole-question
 * choices). A remembered answer is shared: nothing downstream may change it (tests freeze one and render it).
 */
const ANSWER_CACHE_SIZE = 1000;

/** The free-form command: routed to when, quote or who by the question. */
export const ASK = 'ask';

const ID_QUERY = /^#((?:event|paragraph|quote|entity):[\w:-]+)$/;

export const isCommand = (c: string): c is Command => (COMMANDS as readonly string[]).includes(c);

/** Finds each matched term in the passage as printed (case aside), so renderers can bold it. */
function highlightsIn(passage: string, terms: string[]): string[] {
  const lower = passage.toLowerCase();
  const out: string[] = [];
  for (const t of terms) {
    const at = lower.indexOf(t);
    if (at >= 0 && t.length > 0) out.push(passage.slice(at, at + t.length));
  }
  return [...new Set(out)].sort((a, b) => b.length - a.length);
}

/** A result as the question that finds it: "Who is Sam Altman?", "What did Elon Musk say about …?". */
function asQuestion(r: Result): Result {
  if (r.kind === 'entity') return { ...r, title: `Who is ${r.title.replace(/ \(.*\)$/, '')}?` };
  if (r.kind === 'quote' && r.speaker)
    return { ...r, title: `What did ${r.speaker.en} say: “${r.english ?? r.passage}”` };
  return { ...r, title: `When: ${r.title.replace(/ \([^)]*\)$/, '')}?` };
}

/** One from each list in turn, so a box shows people, quotes and events side by side. */
function interleave<T>(lists: T[][]): T[] {
  const out: T[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (i < l.length) out.push(l[i]!);
  return out;
}

export function createAnswerer(corpus: Corpus, search: Search): Answerer {
  const citations = new Map(
    corpus.sources.map((s): [string, Citation] => [
      s.id,
      {
        title: s.title,
        titleEn: s.titleEn,
        publisher: s.publisher,
        published: s.published.label,
        publishedZh: s.published.labelZh,
      },
    ]),
  );
  const eventById = new Map(corpus.events.map((e) => [e.id, e]));
  const indexOf = new Map<string, number>();
  for (const docs of Object.values(search.collections)) docs.forEach((d, i) => indexOf.set(d.id, i));
  const version = createHash('sha256')
    .update(COMMANDS.map((c) => search.collections[c].map((d) => d.id).join(',')).join(';'))
    .digest('hex')
    .slice(0, 6);
  const quoteById = new Map(corpus.quotes.map((q) => [q.id, q]));

  function paragraph(ref: string): Paragraph {
    const p = corpus.byRef.get(ref);
    if (!p) throw new Error(`no paragraph ${ref}`);
    return p;
  }

  function toResult(hit: Hit): Result {
    const { doc } = hit;
    const [kind, ...rest] = doc.id.split(':');
    const id = rest.join(':');
    const para = paragraph(doc.ref);
    const base = {
      kind: doc.kind,
      id: doc.id,
      index: indexOf.get(doc.id) ?? -1,
      date: doc.date,
      section: { id: para.section.id, en: para.section.en, zh: para.section.zh },
      ref: para.ref,
      gloss: para.gloss,
      score: Math.round(hit.score * 1000) / 1000,
      citation: citations.get(para.sourceId)!,
    };
    const withPassage = (title: string, passage: string, extra: Partial<Result> = {}): Result => ({
      ...base,
      title,
      passage,
      highlights: highlightsIn(passage, hit.terms),
      ...extra,
    });
    if (kind === 'event') {
      const e = eventById.get(id)!;
      return withPassage(`${e.label.en} (${e.label.zh})`, para.text);
    }
    if (kind === 'quote') {
      const q = quoteById.get(id)!;
      const s = corpus.entityById.get(q.speaker)!;
      return withPassage(`${s.name.en} (${s.name.zh})`, q.text, {
        speaker: { id: s.id, en: s.name.en, zh: s.name.zh },
        medium: q.medium,
        english: q.en,
      });
    }
    if (kind === 'entity') {
      const e = corpus.entityById.get(id)!;
      return withPassage(`${e.name.en} (${e.name.zh})`, para.text, { role: e.role });
    }
    return withPassage(para.gloss, para.text);
  }

  const asHit = (doc: SearchDoc): Hit => ({ doc, score: 1, terms: [] });
  const questions = createQuestionAnswerer(corpus, search, toResult);

  const remembered = new Map<string, Answer>();
  function answer(request: Request): Answer {
    const key = `${request.command}\u0000${request.query}`;
    const known = remembered.get(key);
    if (known !== undefined) {
      // Re-inserted: a Map iterates in insertion order, so the first key is the least recently asked.
      remembered.delete(key);
      remembered.set(key, known);
      return known;
    }
    const fresh = answerUncached(request);
    if (remembered.size >= ANSWER_CACHE_SIZE) remembered.delete(remembered.keys().next().value!);
    remembered.set(key, fresh);
    return fresh;
  }

  function answerUncached(request: Request): Answer {
    const query = request.query.trim();
    const { command } = request;
    if (!isCommand(command) && command !== ASK) return { kind: 'invalid', command, query, problem: 'unknownCommand' };
    if (query === '') return { kind: 'invalid', command, query, problem: 'empty' };
    if ([...query].length > SEARCH.maxQueryLength) return { kind: 'invalid', command, query, problem: 'tooLong' };
    if (command === ASK) return ask(query);
    return answerAs(command, query);
  }

  /** The free-form entry: the question words choose the subcommand; without them, the best answer wins. */
  function ask(query: string): Answer {
    const byId = ID_QUERY.exec(query)?.[1];
    const idKind = byId?.split(':')[0];
    const routed =
      (idKind === 'quote' ? 'quote' : idKind === 'entity' ? 'who' : idKind ? 'when' : undefined) ??
      questions.route(query);
    if (routed) return { ...answerAs(routed, query), routed: true } as Answer;
    const answers = COMMANDS.map((c) => answerAs(c, query));
    const best = (a: Answer) => (a.kind === 'found' ? (a.results[0]?.score ?? 0) : -1);
    const winner = answers.reduce((a, b) => (best(b) > best(a) ? b : a));
    return { ...winner, routed: true } as Answer;
  }

  function answerAs(command: Command, query: string): Answer {
    const byId = ID_QUERY.exec(query)?.[1];
    if (byId !== undefined) {
      const doc = search.collections[command].find((d) => d.id === byId);
      if (doc) return { kind: 'found', command, query, results: [toResult(asHit(doc))] };
    }
    return questions.answer(command, query);
  }

  function complete(command: Command | typeof ASK, partial: string): Result[] {
    const q = partial.trim();
    if ([...q].length > SEARCH.maxQueryLength) return [];
    // The free-form box offers whole questions; each one's value still finds exactly its result.
    if (command === ASK) return interleave(COMMANDS.map((c) => complete(c, q))).map(asQuestion);
    return search.complete(command, q, SEARCH.maxCompletions).map((d) => toResult(asHit(d)));
  }

  function resultsAt(command: Command, indexes: readonly number[]): Result[] {
    const docs = search.collections[command];
    return indexes.flatMap((i) => {
      const doc = docs[i];
      return doc ? [toResult(asHit(doc))] : [];
    });
  }

  function timeline(): Result[] {
    const events = search.collections.when.filter((d) => d.kind === 'event' && d.date !== null);
    return events
      .map((d) => toResult(asHit(d)))
      .sort((a, b) => (a.date?.start ?? '').localeCompare(b.date?.start ?? ''));
  }

  function clearCaches(): void {
    remembered.clear();
    search.clearCaches();
    questions.clearCache();
  }

  return { answer, complete, resultsAt, timeline, version, corpus, clearCaches, warm: () => search.warm() };
}
