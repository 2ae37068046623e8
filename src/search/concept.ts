// A concept is what one query word stands for: Chinese terms, English stems, entities or a date.

export interface Concept {
  /** Identity for caching and debugging: "musk", "zh:拯救", "date:2019-07". */
  key: string;
  /** Normalised Chinese terms, matched as substrings of a document's Chinese fields. */
  zh: string[];
  /** Stemmed English words or phrases, matched as whole words of a document's English fields. */
  en: string[];
  entities: string[];
  /** Date prefixes ("2019", "2019-07") matched against a document's date context. */
  dates: string[];
  /** How trustworthy the key's source is when fuzzy matches tie: entity 3, alias 2, article 2, gloss 1. */
  priority: number;
  /** A readable form for suggestions ("Sam Altman", "board"). */
  display?: string;
  /** Reached through a typo, not typed: it counts for a little less. */
  fuzzy?: boolean;
}

export function concept(key: string, fields: Partial<Omit<Concept, 'key'>>): Concept {
  return { key, zh: [], en: [], entities: [], dates: [], priority: 1, ...fields };
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

export function mergeConcepts(a: Concept, b: Concept): Concept {
  return {
    key: a.key,
    zh: union(a.zh, b.zh),
    en: union(a.en, b.en),
    entities: union(a.entities, b.entities),
    dates: union(a.dates, b.dates),
    priority: Math.max(a.priority, b.priority),
    display: a.priority >= b.priority ? (a.display ?? b.display) : (b.display ?? a.display),
  };
}
