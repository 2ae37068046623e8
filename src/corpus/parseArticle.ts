// Article text → paragraphs: split on lines, drop the noise, assign sections.
import { DataError } from './dataError.ts';
import type { NoiseEntry, Source } from './schema.ts';
import type { ParagraphKind } from './types.ts';

export interface RawParagraph {
  /** Local id: "p" + the ordinal of the non-empty line. Stable when noise entries change. */
  localRef: string;
  line: number;
  kind: ParagraphKind;
  sectionIndex: number;
  text: string;
}

const TRAILING_SEPARATORS = /[\s,,、;;]+$/u;

export function parseArticle(source: Source, text: string, noise: NoiseEntry[], noiseFile: string): RawParagraph[] {
  const used = new Set<NoiseEntry>();
  const out: RawParagraph[] = [];
  let ordinal = 0;
  let sectionIndex = 0;
  const lines = text.split(/\r?\n/);
  lines.forEach((rawLine, i) => {
    const line = rawLine.trim();
    if (line === '') return;
    ordinal += 1;
    const whole = noise.find((n) => n.match === 'line' && n.text === line);
    if (whole) {
      used.add(whole);
      return;
    }
    let clean = line;
    for (const n of noise) {
      if (n.match === 'suffix' && clean.endsWith(n.text)) {
        used.add(n);
        clean = clean.slice(0, -n.text.length).replace(TRAILING_SEPARATORS, '');
      }
    }
    let kind: ParagraphKind = ordinal === 1 ? 'title' : 'body';
    const headingAt = source.sections.findIndex((s) => s.heading !== null && s.heading === clean);
    if (headingAt >= 0) {
      kind = 'heading';
      sectionIndex = headingAt;
    }
    out.push({ localRef: `p${ordinal}`, line: i + 1, kind, sectionIndex, text: clean });
  });
  noise.forEach((n, i) => {
    if (!used.has(n))
      throw new DataError(noiseFile, `#${i + 1}`, 'text', `"${n.text}" is not in the article as a ${n.match}`);
  });
  source.sections.forEach((s, i) => {
    if (s.heading !== null && !out.some((p) => p.kind === 'heading' && p.sectionIndex === i)) {
      throw new DataError(
        'data/sources.json',
        source.id,
        `sections.${i}.heading`,
        `"${s.heading}" is not a line of the article`,
      );
    }
  });
  return out;
}
