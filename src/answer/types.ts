// The Answer: what every transport renders. Pure data.
import type { DateContext } from '../corpus/types.ts';
import type { DocKind } from '../search/documents.ts';
import type { Command } from '../search/createSearch.ts';

export interface Citation {
  title: string;
  titleEn: string;
  publisher: string;
  published: string;
  publishedZh: string;
}

export interface Result {
  kind: DocKind;
  /** Stable id ("event:musk-leaves-board"); `#id` as a query finds exactly this result. */
  id: string;
  /** Position in its command's collection: what a component's custom_id carries. */
  index: number;
  title: string;
  /** Verbatim article text: the paragraph, or the quote. */
  passage: string;
  /** Verbatim substrings of the passage that matched the query, for bold. */
  highlights: string[];
  date: DateContext | null;
  section: { id: string; en: string; zh: string };
  ref: string;
  gloss: string;
  speaker?: { id: string; en: string; zh: string };
  medium?: string;
  /** English rendering of a quote. */
  english?: string;
  /** A person or organisation's role in the feud. */
  role?: { en: string; zh: string };
  score: number;
  citation: Citation;
}

export type Problem = 'empty' | 'tooLong' | 'unknownCommand';

export interface Localized {
  en: string;
  zh: string;
}

/** How the question was read, in one short line a user can rephrase from ("when · Elon Musk · leave"). */
export interface Reading {
  /** The subcommand that answered: the asked one, or the one `ask` routed to. */
  command: Command;
  text: Localized;
}

interface Understood {
  command: Command;
  query: string;
  reading?: Reading;
  /** What the article does hold when it does not hold what was asked ("The article does not say…"). */
  note?: Localized;
  /** Set when the free-form `ask` chose the subcommand. */
  routed?: boolean;
}

export type Answer =
  | (Understood & { kind: 'found'; results: Result[] })
  | (Understood & { kind: 'notFound'; suggestions: string[] })
  | { kind: 'invalid'; command: string; query: string; problem: Problem };

export interface Request {
  command: string;
  query: string;
}
