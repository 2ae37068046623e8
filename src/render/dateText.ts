// Date context → one line that says when, and how we know.
import type { DateContext } from '../corpus/types.ts';
import { MESSAGES, type Lang } from './messages.ts';

/** How we know a date, without the date itself: "stated in the text: “2019年2月”". */
function howKnown(d: DateContext, lang: Lang, published: string): string {
  const m = MESSAGES[lang];
  let how: string = m.basis[d.basis];
  if (d.basis === 'stated' && d.evidence) how += `: “${d.evidence}”`;
  if (d.basis === 'relative') how += ` (${published})${d.evidence ? `: “${d.evidence}”` : ''}`;
  if (d.basis === 'narrative') {
    const parts = [d.from ? m.inherited(d.evidence, m.paragraph(d.from)) : d.evidence ? `“${d.evidence}”` : undefined];
    if (d.crossesSection) parts.push(m.acrossSection);
    const detail = parts.filter(Boolean).join('; ');
    if (detail) how += `: ${detail}`;
  }
  if (d.basis === 'external' && d.source) how += lang === 'zh' ? `(${m.sourceLabel}:${d.source})` : ` (${d.source})`;
  const note = d.note && lang === 'en' ? ` — ${d.note}` : '';
  return `${how}${note}`;
}

function one(d: DateContext, lang: Lang, published: string): string {
  return `${lang === 'zh' ? d.labelZh : d.label} — ${howKnown(d, lang, published)}`;
}

/** The timeline's line under a dated title: how we know, and the other reading; the date is not repeated. */
export function dateHow(d: DateContext | null, lang: Lang, published: string): string {
  if (!d) return MESSAGES[lang].undated;
  const main = howKnown(d, lang, published);
  return d.alternative ? `${main}\n${MESSAGES[lang].alsoReading}: ${one(d.alternative, lang, published)}` : main;
}

export function dateLine(d: DateContext | null, lang: Lang, published: string): string {
  if (!d) return MESSAGES[lang].undated;
  const main = one(d, lang, published);
  return d.alternative ? `${main}\n${MESSAGES[lang].alsoReading}: ${one(d.alternative, lang, published)}` : main;
}
