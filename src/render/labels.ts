// Titles and list labels in the reader's language, from the corpus: events lead with the reader's label,
// quotes are told apart by speaker and opening words, people show where they appear and what they did.
import type { Corpus } from '../corpus/types.ts';
import type { Result } from '../answer/types.ts';
import { LIMITS } from './limits.ts';
import { truncate } from './markdown.ts';
import type { Lang } from './messages.ts';

/** A character's display width: Han, CJK punctuation and full-width forms are as wide as two Latin letters. */
function charWidth(ch: string): number {
  const c = ch.codePointAt(0)!;
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) ? 2 : 1;
}

/** Display width: a Han character is as wide as two Latin letters. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/** Cuts text to a display width, at a word boundary when there is one near, with an ellipsis. */
export function fitWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let w = 0;
  for (const ch of text) {
    // Width kept as it grows: measuring `out` anew for every character made labelling quadratic.
    w += charWidth(ch);
    if (w > width - 1) break;
    out += ch;
  }
  const space = out.lastIndexOf(' ');
  if (space > out.length * 0.6) out = out.slice(0, space);
  return `${out.replace(/[\s,,;;、::-]+$/u, '')}…`;
}

/** About two lines of an embed title on a phone. */
export const TITLE_WIDTH = 72;

/** A name in the reader's language, the other in brackets, once when both are the same ("OpenAI"). */
export function bilingual(name: { en: string; zh: string }, lang: Lang): string {
  if (name.en === name.zh) return name.en;
  return lang === 'zh' ? `${name.zh}(${name.en})` : `${name.en} (${name.zh})`;
}

export interface Labels {
  /** The embed title: short, the reader's language first. */
  title(r: Result, lang: Lang): string;
  /** A label for an autocomplete choice or a menu option: distinct within a list, ≤ 100 characters. */
  label(r: Result, lang: Lang): string;
  /** For a person or organisation: the paragraphs they appear in, and the events they take part in. */
  card(r: Result, lang: Lang): { appears: string[]; did: string[] } | undefined;
}

const idOf = (r: Result) => r.id.slice(r.id.indexOf(':') + 1);
const paragraphNumber = (ref: string) => ref.replace(/^.*p/, '');

export function createLabels(corpus?: Corpus): Labels {
  const events = new Map(corpus?.events.map((e) => [e.id, e]));
  const quotes = new Map(corpus?.quotes.map((q) => [q.id, q]));
  const entities = corpus?.entityById;

  function quoteLabel(r: Result, lang: Lang, width: number): string | undefined {
    const q = quotes.get(idOf(r));
    const speaker = r.speaker ?? (q ? entities?.get(q.speaker)?.name : undefined);
    if (!speaker) return undefined;
    const who = lang === 'zh' ? speaker.zh : speaker.en;
    const words = lang === 'zh' ? r.passage : (r.english ?? q?.en ?? r.passage);
    const open = lang === 'zh' ? '“' : '“';
    return fitWidth(`${who}${lang === 'zh' ? ':' : ': '}${open}${words}”`, width);
  }

  function base(r: Result, lang: Lang, width: number): string {
    if (r.kind === 'event') {
      const e = events.get(idOf(r));
      if (e) return fitWidth(lang === 'zh' ? e.label.zh : e.label.en, width);
    }
    if (r.kind === 'quote') {
      const q = quoteLabel(r, lang, width);
      if (q) return q;
    }
    if (r.kind === 'entity') {
      const e = entities?.get(idOf(r));
      if (e) return fitWidth(bilingual(e.name, lang), width);
    }
    if (r.kind === 'paragraph') {
      return lang === 'zh'
        ? fitWidth(`${r.section.zh} · 第${paragraphNumber(r.ref)}段:${r.passage}`, width)
        : fitWidth(r.gloss, width);
    }
    return fitWidth(r.title, width);
  }

  return {
    title: (r, lang) => base(r, lang, TITLE_WIDTH),
    label: (r, lang) => truncate(base(r, lang, LIMITS.choiceName - 8), LIMITS.choiceName),
    card(r, lang) {
      if (r.kind !== 'entity' || !corpus) return undefined;
      const e = entities?.get(idOf(r));
      if (!e) return undefined;
      const names = [e.name.zh, ...e.article].filter((n) => n.length > 0);
      const appears = corpus.paragraphs
        .filter((p) => p.kind === 'body' && names.some((n) => p.text.includes(n)))
        .map((p) => p.ref);
      const did = corpus.events
        .filter((ev) => ev.entities.includes(e.id))
        .map(
          (ev) => `${lang === 'zh' ? ev.date.labelZh : ev.date.label} · ${lang === 'zh' ? ev.label.zh : ev.label.en}`,
        );
      return { appears, did };
    },
  };
}

/** Labels for a list, made distinct: a repeat gets its paragraph, then its position. */
export function distinctLabels(results: readonly Result[], lang: Lang, labels: Labels, max: number): string[] {
  const seen = new Set<string>();
  return results.map((r, i) => {
    const plain = labels.label(r, lang);
    const where = lang === 'zh' ? `第${paragraphNumber(r.ref)}段` : `¶${paragraphNumber(r.ref)}`;
    const candidates = [plain, `${plain} · ${where}`, `${plain} · ${where} · ${i + 1}`];
    const suffixed = (c: string) => {
      const extra = c.slice(plain.length);
      return extra ? `${truncate(plain, max - extra.length)}${extra}` : truncate(plain, max);
    };
    const label = candidates.map(suffixed).find((c) => !seen.has(c)) ?? suffixed(candidates[2]!);
    seen.add(label);
    return label;
  });
}
