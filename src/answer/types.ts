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

export type Answer =
  | { kind: 'found'; command: Command; query: string; results: Result[] }
  | { kind: 'notFound'; command: Command; query: string; suggestions: string[] }
  | { kind: 'invalid'; command: string; query: string; problem: Problem };

export interface Request {
  command: string;
  query: string;
}
