// How one concept matches one document, by scanning its fields: the definition the postings must agree with.
import type { Concept } from './concept.ts';
import type { SearchDoc } from './documents.ts';

export interface Match {
  /** The weight of the best field that has the concept, or 0. */
  weight: number;
  /** The concept is the document's subject: the quote's speaker, the entity itself. */
  subject: boolean;
  terms: string[];
}

/** A mention of a person is weaker evidence than the person being the subject (speaker, card). */
export const MENTION_WEIGHT = 0.85;
/** A concept met only through the document's date context (a "2019" query on a 2019 event). */
export const DATE_WEIGHT = 0.75;

export function matchConcept(doc: SearchDoc, c: Concept): Match {
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
