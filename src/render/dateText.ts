// Date context → one line that says when, and how we know.
import type { DateContext } from '../corpus/types.ts';
import { MESSAGES, type Lang } from './messages.ts';

function one(d: DateContext, lang: Lang, published: string): string {
  const m = MESSAGES[lang];
  const label = lang === 'zh' ? d.labelZh : d.label;
  let how: string = m.basis[d.basis];
  if (d.basis === 'stated' && d.evidence) how += `: “${d.evidence}”`;
  if (d.basis === 'relative') how += ` (${published})${d.evidence ? `: “${d.evidence}”` : ''}`;
  if (d.basis === 'narrative') {
    const parts = [d.from ? m.inherited(d.evidence, m.paragraph(d.from)) : d.evidence ? `“${d.evidence}”` : undefined];
    if (d.crossesSection) parts.push(m.acrossSection);
    const detail = parts.filter(Boolean).join('; ');
    if (detail) how += `: ${detail}`;
  }
  if (d.basis === 'external' && d.source) how += ` (${d.source})`;
  const note = d.note && lang === 'en' ? ` — ${d.note}` : '';
  return `${label} — ${how}${note}`;
}

export function dateLine(d: DateContext | null, lang: Lang, published: string): string {
  if (!d) return MESSAGES[lang].undated;
  const main = one(d, lang, published);
  return d.alternative ? `${main}\n${MESSAGES[lang].alsoReading}: ${one(d.alternative, lang, published)}` : main;
}
