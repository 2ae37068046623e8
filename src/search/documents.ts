// Search documents: each event, paragraph, quote and entity flattened into weighted fields.
import type { Corpus, DateContext, EventEntry, Paragraph, QuoteEntry } from '../corpus/types.ts';
import type { Entity } from '../corpus/schema.ts';
import { englishIndexText, hasHan, normalize } from './normalize.ts';
import { TermFinder } from './termFinder.ts';

export type DocKind = 'event' | 'paragraph' | 'quote' | 'entity';

export interface Field {
  /** Normalised Chinese (and any Latin) text of the field. */
  zh: string;
  /** Stemmed English words, space-padded. */
  en: string;
  weight: number;
}

export interface SearchDoc {
  id: string;
  kind: DocKind;
  fields: Field[];
  /** Entities the document is about (named in it, or its subject). */
  entities: ReadonlySet<string>;
  /** The entity the document is by or about (a quote's speaker, an entity card), which outranks a mention. */
  subject?: string;
  date: DateContext | null;
  ref: string;
  /** A short English title for suggestions. */
  suggestion: string;
  /**
   * Names and titles, for prefix matching while a user is still typing: as written (a concatenation,
   * not a copy); the engine normalises it the first time autocomplete reads it.
   */
  completionText: string;
}

export const MEDIUM_WORDS: Record<string, string> = {
  tweet: 'tweet tweeted twitter 推特 推文',
  email: 'email emails mail 电子邮件 邮件',
  lawsuit: 'lawsuit sue sued court complaint 诉讼 起诉 诉状',
  interview: 'interview 采访',
  'blog post': 'blog post statement reply 博客 官网',
  statement: 'statement announcement 声明',
  speech: 'said talk 说',
};

/** Curated topics count nearly as much as the words themselves. */
const TOPICS_WEIGHT = 0.9;

/** Memoised per text: a paragraph told by an event, a quote and itself is normalised once and shared. */
function memo(f: (text: string) => string): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    let out = seen.get(text);
    if (out === undefined) {
      out = f(text);
      seen.set(text, out);
    }
    return out;
  };
}

/**
 * A document with its completion text as written. Normalised later, by the engine, the first time
 * autocomplete reads it: a thousand articles' worth is seconds of work most processes never need. A
 * plain property, not a getter: an accessor on each document made every one a large dictionary object.
 */
function withCompletion(doc: Omit<SearchDoc, 'completionText'>, text: string): SearchDoc {
  // Every property named, in one order: a spread here gave each document a hidden class of its own.
  return {
    id: doc.id,
    kind: doc.kind,
    fields: doc.fields,
    entities: doc.entities,
    subject: doc.subject,
    date: doc.date,
    ref: doc.ref,
    suggestion: doc.suggestion,
    completionText: text,
  };
}

/** What building the documents shares: the corpus, memoised normalisers, the entity-name finder. */
interface Build {
  corpus: Corpus;
  field: (text: string, weight: number, english?: string) => Field;
  mentions: (text: string) => Set<string>;
}

function build(corpus: Corpus): Build {
  const zh = memo(normalize);
  const en = memo(englishIndexText);
  return {
    corpus,
    field: (text, weight, english = text) => ({ zh: zh(text), en: en(english), weight }),
    mentions: mentionFinder(corpus),
  };
}

/** The entities a text names: every entity's article names found in one pass over the text. */
function mentionFinder(corpus: Corpus): (text: string) => Set<string> {
  const names = corpus.entities.flatMap((e) => [e.name.zh, ...e.article].map((n) => ({ n, id: e.id })));
  const finder = new TermFinder(names.map((x) => x.n));
  return (text) => {
    const found = new Set<string>();
    finder.scan(text, (i) => found.add(names[i]!.id));
    // In the entities' order, as the sets always were.
    return new Set(corpus.entities.filter((e) => found.has(e.id)).map((e) => e.id));
  };
}

/** Curated topics as one field: the Chinese ones searched as Chinese, the English ones (with a gloss) as English. */
function topicsField(field: Build['field'], topics: readonly string[], gloss: string): Field {
  const zh = topics.filter(hasHan);
  const en = topics.filter((t) => !hasHan(t));
  return field(zh.join(' '), TOPICS_WEIGHT, `${gloss} ${en.join(' ')}`.trim());
}

function paragraphDoc({ field, mentions }: Build, p: Paragraph): SearchDoc {
  return withCompletion(
    {
      id: `paragraph:${p.ref}`,
      kind: 'paragraph',
      fields: [field(p.text, 0.85, ''), field('', 0.7, p.gloss)],
      entities: mentions(p.text),
      date: p.date,
      ref: p.ref,
      suggestion: p.gloss,
    },
    `${p.gloss} ${p.text}`,
  );
}

function eventDoc({ corpus, field, mentions }: Build, e: EventEntry): SearchDoc {
  const main = corpus.byRef.get(e.ref);
  const see = e.see.map((r) => corpus.byRef.get(r)?.text ?? '').join('\n');
  const entities = mentions(main?.text ?? '');
  for (const id of e.entities) entities.add(id);
  return withCompletion(
    {
      id: `event:${e.id}`,
      kind: 'event',
      fields: [
        field(e.label.zh, 1, e.label.en),
        topicsField(field, e.topics, ''),
        field(main?.text ?? '', 0.85, main?.gloss ?? ''),
        field(see, 0.6, ''),
      ],
      entities,
      // The curators list an event's subject first: who did it, not who it happened near.
      subject: e.entities[0],
      date: e.date,
      ref: e.ref,
      suggestion: e.label.en,
    },
    `${e.label.en} ${e.label.zh} ${e.topics.join(' ')}`,
  );
}

function quoteDoc({ corpus, field, mentions }: Build, q: QuoteEntry): SearchDoc {
  const speaker = corpus.entityById.get(q.speaker);
  const speakerNames = speaker
    ? [speaker.name.en, speaker.name.zh, ...speaker.article, ...speaker.renderings].join(' ')
    : '';
  const context = corpus.byRef.get(q.ref)?.text ?? '';
  const entities = mentions(q.text);
  entities.add(q.speaker);
  const medium = MEDIUM_WORDS[q.medium] ?? q.medium;
  return withCompletion(
    {
      id: `quote:${q.id}`,
      kind: 'quote',
      fields: [
        field(q.text, 1, ''),
        topicsField(field, q.topics, q.en),
        // Asking for "Musk tweets" or "the lawsuit" names the medium: as strong as the words themselves.
        field(medium, 1),
        field(speakerNames, 0.3),
        field(context, 0.5, ''),
      ],
      entities,
      subject: q.speaker,
      date: q.date,
      ref: q.ref,
      suggestion: speaker ? `${speaker.name.en}: ${q.topics[0] ?? q.medium}` : q.medium,
    },
    `${speakerNames} ${q.en} ${q.topics.join(' ')} ${q.text}`,
  );
}

function entityDoc({ corpus, field }: Build, e: Entity): SearchDoc {
  const names = [e.name.en, e.name.zh, ...e.article, ...e.renderings].join(' ');
  return withCompletion(
    {
      id: `entity:${e.id}`,
      kind: 'entity',
      fields: [field(names, 1), field(e.role.zh, 0.5, e.role.en)],
      entities: new Set([e.id]),
      subject: e.id,
      date: corpus.byRef.get(e.ref)?.date ?? null,
      ref: e.ref,
      suggestion: e.name.en,
    },
    names,
  );
}

export interface Collections {
  when: SearchDoc[];
  quote: SearchDoc[];
  who: SearchDoc[];
}

export function buildCollections(corpus: Corpus): Collections {
  const b = build(corpus);
  const eventRefs = new Set(corpus.events.map((e) => e.ref));
  const datedParagraphs = corpus.paragraphs.filter((p) => p.kind === 'body' && p.date !== null);
  return {
    when: [
      ...corpus.events.map((e) => eventDoc(b, e)),
      // A paragraph an event already tells is found through the event.
      ...datedParagraphs.filter((p) => !eventRefs.has(p.ref)).map((p) => paragraphDoc(b, p)),
    ],
    quote: corpus.quotes.map((q) => quoteDoc(b, q)),
    who: corpus.entities.map((e) => entityDoc(b, e)),
  };
}

/** Every English text the documents carry, for the vocabulary. */
export function englishTexts(corpus: Corpus): string[] {
  return [
    ...corpus.paragraphs.map((p) => p.gloss),
    ...corpus.events.flatMap((e) => [e.label.en, ...e.topics]),
    ...corpus.quotes.flatMap((q) => [q.en, ...q.topics]),
    ...corpus.entities.flatMap((e) => [e.name.en, e.role.en]),
    ...Object.values(MEDIUM_WORDS),
  ];
}
