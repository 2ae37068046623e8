// Answer → terminal text, for the ask CLI and the local console.
import type { Answer, Result } from '../answer/types.ts';
import { SEARCH } from '../search/options.ts';
import { dateHow, dateLine } from './dateText.ts';
import { MESSAGES, type Lang } from './messages.ts';

/** "OpenAI (OpenAI)" reads once: a name that is the same in both languages is not repeated. */
export const singleName = (title: string): string => title.replace(/^(.+) \((\1)\)$/u, '$1');

function resultText(r: Result, i: number, n: number, lang: Lang): string {
  const m = MESSAGES[lang];
  const published = lang === 'zh' ? r.citation.publishedZh : r.citation.published;
  const lines = [`${n > 1 ? `${i + 1}. ` : ''}${singleName(r.title)}`, `   「${r.passage}」`];
  if (r.english) lines.push(`   ${m.fields.english}: ${r.english}`);
  if (r.speaker && r.medium)
    lines.push(`   ${m.fields.speaker}: ${r.speaker.en} (${r.speaker.zh}), ${m.medium[r.medium] ?? r.medium}`);
  if (r.role) lines.push(`   ${m.fields.role}: ${r.role[lang]}`);
  const when = dateLine(r.date, lang, published).split('\n');
  lines.push(`   ${m.fields.when}: ${when[0]}`, ...when.slice(1).map((l) => `         ${l}`));
  lines.push(`   ${m.fields.where}: ${r.section.zh} ${r.section.en}, ${m.paragraph(r.ref)}`);
  lines.push(`   ${m.fields.gloss}: ${r.gloss}`);
  return lines.join('\n');
}

export function problemText(answer: Extract<Answer, { kind: 'invalid' }>, lang: Lang): string {
  const p = MESSAGES[lang].problem;
  if (answer.problem === 'tooLong') return p.tooLong(SEARCH.maxQueryLength);
  if (answer.problem === 'unknownCommand') return p.unknownCommand(answer.command);
  return p.empty;
}

export function toText(answer: Answer, lang: Lang = 'en'): string {
  const m = MESSAGES[lang];
  if (answer.kind === 'invalid') return problemText(answer, lang);
  const reading = answer.reading ? `${m.readAs(answer.reading.text[lang])}\n` : '';
  if (answer.kind === 'notFound') {
    const note = answer.note ? `\n${answer.note[lang]}` : '';
    const tips = answer.suggestions.length
      ? `\n${m.tryThese}: ${answer.suggestions.map((s) => `“${s}”`).join(', ')}`
      : '';
    return reading + m.notFound(`/feud ${answer.command}`, answer.query) + note + tips;
  }
  const first = answer.results[0];
  const cite = first
    ? `\n${m.fields.source}: ${m.footer(first.citation.title, first.citation.publisher, lang === 'zh' ? first.citation.publishedZh : first.citation.published)}`
    : '';
  return reading + answer.results.map((r, i) => resultText(r, i, answer.results.length, lang)).join('\n\n') + cite;
}

/** The timeline as terminal text: one event a line, its date first, then how the date is known. */
export function timelineText(events: readonly Result[], lang: Lang = 'en'): string {
  return events
    .map((r) => {
      const published = lang === 'zh' ? r.citation.publishedZh : r.citation.published;
      const label = (lang === 'zh' ? r.date?.labelZh : r.date?.label) ?? '';
      const how = dateHow(r.date, lang, published).split('\n').join('\n     ');
      return `${label} · ${singleName(r.title)}\n   ${how} · ${MESSAGES[lang].paragraph(r.ref)}`;
    })
    .join('\n');
}
