// The action lexicon compiled for matching: English phrases over stemmed words, Chinese terms over characters.
import type { Action } from '../corpus/schema.ts';
import { hasHan, normalize, stem } from '../search/normalize.ts';

/** A Latin word of the normalised question, with where it stands. */
export interface Word {
  text: string;
  stem: string;
  start: number;
  end: number;
}

/** Where the question names an action; one span may stand for several ("set up": found, arrange). */
export interface ActionSpan {
  actions: string[];
  start: number;
  end: number;
  /** The words as typed, for the reading line. */
  text: string;
}

const GAP = '*';
/** `*` in an English phrase: up to this many words ("take [Microsoft and OpenAI] to court"). */
const MAX_GAP_WORDS = 3;

interface EnPattern {
  action: string;
  words: string[];
}

interface ZhPattern {
  action: string;
  re: RegExp;
  not: string[];
}

export function latinWords(normalized: string): Word[] {
  return [...normalized.matchAll(/[a-z0-9]+/g)].map((m) => ({
    text: m[0],
    stem: stem(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Lexicon {
  private readonly byFirst = new Map<string, EnPattern[]>();
  /** Chinese patterns by their first character: a question is tried only against those its characters start. */
  private readonly zh = new Map<string, ZhPattern[]>();
  readonly byId: ReadonlyMap<string, Action>;

  constructor(readonly actions: readonly Action[]) {
    this.byId = new Map(actions.map((a) => [a.id, a]));
    for (const a of actions) {
      const not = a.zhNot.map(normalize);
      for (const term of a.zh) {
        // `*` is punctuation to the normaliser: split on it first, then normalise each side.
        const parts = term.split(GAP).map(normalize);
        const t = parts.join(GAP);
        if (!hasHan(t)) this.addEnglish(a.id, t);
        else {
          const source = parts.map(escape).join('[\\s\\S]{0,8}?');
          const first = t[0]!;
          const list = this.zh.get(first) ?? [];
          list.push({ action: a.id, re: new RegExp(source, 'g'), not: not.filter((n) => n.includes(t)) });
          this.zh.set(first, list);
        }
      }
      for (const phrase of a.en) {
        const gapped = phrase.replace(/\*/g, ' xgapx ');
        this.addEnglish(a.id, normalize(gapped));
        // "co-founded" is typed both ways; the reader splits hyphenated words, the engine glues them.
        if (/[a-z]-[a-z]/i.test(phrase)) this.addEnglish(a.id, normalize(gapped.replace(/-/g, ' ')));
      }
    }
  }

  private addEnglish(action: string, normalized: string): void {
    const words = normalized
      .split(' ')
      .filter(Boolean)
      .map((w) => (w === 'xgapx' ? GAP : stem(w)));
    const first = words[0];
    if (first === undefined || first === GAP) return;
    const list = this.byFirst.get(first);
    if (list) list.push({ action, words });
    else this.byFirst.set(first, [{ action, words }]);
  }

  /** Every action the question names, longest phrase first where two overlap. */
  match(normalized: string, words: readonly Word[]): ActionSpan[] {
    const found: ActionSpan[] = [];
    words.forEach((w, i) => {
      for (const p of this.byFirst.get(w.stem) ?? []) {
        const end = matchFrom(p.words, words, i);
        if (end !== undefined) {
          const last = words[end - 1]!;
          found.push({ actions: [p.action], start: w.start, end: last.end, text: normalized.slice(w.start, last.end) });
        }
      }
    });
    const patterns = [...new Set(normalized)].flatMap((ch) => this.zh.get(ch) ?? []);
    for (const p of patterns) {
      for (const m of normalized.matchAll(p.re)) {
        const start = m.index;
        const end = start + m[0].length;
        if (m[0].length === 0 || insideExcluded(normalized, start, end, p.not)) continue;
        found.push({ actions: [p.action], start, end, text: m[0] });
      }
    }
    return keepLongest(found);
  }
}

/** Matches a pattern's words from word i; returns the index after the last word matched. */
function matchFrom(pattern: readonly string[], words: readonly Word[], i: number, at = 0): number | undefined {
  if (at === pattern.length) return i;
  const p = pattern[at]!;
  if (p === GAP) {
    for (let skip = 0; skip <= MAX_GAP_WORDS && i + skip <= words.length; skip++) {
      const end = matchFrom(pattern, words, i + skip, at + 1);
      if (end !== undefined) return end;
    }
    return undefined;
  }
  const w = words[i];
  if (!w || (w.stem !== p && w.text !== p)) return undefined;
  return matchFrom(pattern, words, i + 1, at + 1);
}

function insideExcluded(text: string, start: number, end: number, not: readonly string[]): boolean {
  for (const n of not) {
    for (let at = text.indexOf(n); at >= 0; at = text.indexOf(n, at + 1)) {
      if (at <= start && at + n.length >= end) return true;
    }
  }
  return false;
}

/** Overlapping spans: the longest wins; spans over the same characters keep all their actions. */
function keepLongest(spans: ActionSpan[]): ActionSpan[] {
  const sorted = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: ActionSpan[] = [];
  for (const s of sorted) {
    const same = kept.find((k) => k.start === s.start && k.end === s.end);
    if (same) {
      for (const a of s.actions) if (!same.actions.includes(a)) same.actions.push(a);
      continue;
    }
    if (kept.some((k) => s.start < k.end && k.start < s.end)) continue;
    kept.push({ ...s, actions: [...s.actions] });
  }
  return kept.sort((a, b) => a.start - b.start);
}
