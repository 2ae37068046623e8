// The built corpus: what the search and answer layers read. Plain data, no behaviour.
import type { Action, Entity, Fact, Quote, Section, Source } from './schema.ts';

export type Precision = 'year' | 'month' | 'day';
export type DateBasis = 'stated' | 'relative' | 'narrative' | 'external';

/** When something happened, and how we know. */
export interface DateContext {
  start: string;
  end?: string;
  precision: Precision;
  basis: DateBasis;
  /** "February 2018", "c. 2015", "17–22 November 2023". */
  label: string;
  labelZh: string;
  /** The article's words the date rests on: "2018年2月", "去年". */
  evidence?: string;
  /** For external dates: where the date was announced or reported. */
  source?: string;
  /** For narrative dates: the paragraph the date was inherited from. */
  from?: string;
  approximate?: boolean;
  /** A narrative date inherited across a section heading: weaker still. */
  crossesSection?: boolean;
  note?: string;
  /** A second honest reading, e.g. the narrative's 2018 beside the known 2019 date. */
  alternative?: DateContext;
}

export type ParagraphKind = 'title' | 'heading' | 'body';

export interface Paragraph {
  ref: string;
  sourceId: string;
  /** 1-based line number in the article file. */
  line: number;
  kind: ParagraphKind;
  section: Section;
  /** Verbatim article text, with any glued-on noise removed. */
  text: string;
  gloss: string;
  date: DateContext | null;
}

export interface QuoteEntry extends Omit<Quote, 'date'> {
  sourceId: string;
  date: DateContext | null;
}

export interface EventEntry {
  id: string;
  sourceId: string;
  label: { en: string; zh: string };
  ref: string;
  see: string[];
  topics: string[];
  entities: string[];
  date: DateContext;
}

export interface FactEntry extends Fact {
  sourceId: string;
}

export interface AliasEntry {
  en: string[];
  zh: string[];
}

export interface Corpus {
  sources: Source[];
  paragraphs: Paragraph[];
  byRef: ReadonlyMap<string, Paragraph>;
  entities: Entity[];
  entityById: ReadonlyMap<string, Entity>;
  quotes: QuoteEntry[];
  events: EventEntry[];
  aliases: AliasEntry[];
  actions: Action[];
  facts: FactEntry[];
}
