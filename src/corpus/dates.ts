// Date context: labels, and reading dates out of the article's own words.
import type { DateSpec, Dated, ExternalDate } from './schema.ts';
import type { DateBasis, DateContext, Precision } from './types.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function parts(iso: string): { y: string; m?: number; d?: number } {
  const [y = '', m, d] = iso.split('-');
  return { y, m: m === undefined ? undefined : Number(m), d: d === undefined ? undefined : Number(d) };
}

function labelOne(iso: string, precision: Precision): { en: string; zh: string } {
  const { y, m, d } = parts(iso);
  if (precision === 'year' || m === undefined) return { en: y, zh: `${y}年` };
  const month = MONTHS[m - 1] ?? String(m);
  if (precision === 'month' || d === undefined) return { en: `${month} ${y}`, zh: `${y}年${m}月` };
  return { en: `${d} ${month} ${y}`, zh: `${y}年${m}月${d}日` };
}

export function dateLabel(start: string, end: string | undefined, precision: Precision, approximate = false) {
  const a = labelOne(start, precision);
  let en = a.en;
  let zh = a.zh;
  if (end !== undefined && end !== start) {
    const b = labelOne(end, precision);
    const ps = parts(start);
    const pe = parts(end);
    en = precision === 'day' && ps.y === pe.y && ps.m === pe.m ? `${ps.d}–${b.en}` : `${a.en} – ${b.en}`;
    zh = `${a.zh}至${b.zh}`;
  }
  return approximate ? { en: `c. ${en}`, zh: `约${zh}` } : { en, zh };
}

export function makeDate(fields: Omit<DateContext, 'label' | 'labelZh'>): DateContext {
  const { en, zh } = dateLabel(fields.start, fields.end, fields.precision, fields.approximate);
  // Only the defined keys, added in order: deleting keys would turn every date into a slow, large
  // dictionary object (tens of MB at a thousand articles).
  const out: Record<string, unknown> = {};
  for (const key in fields) {
    const value = fields[key as keyof typeof fields];
    if (value !== undefined) out[key] = value;
  }
  out.label = en;
  out.labelZh = zh;
  return out as unknown as DateContext;
}

/** A curated date from a data file, with external sources resolved. */
export function fromSpec(spec: Dated | DateSpec, externals: ReadonlyMap<string, ExternalDate>): DateContext {
  const ext = spec.external === undefined ? undefined : externals.get(spec.external);
  const main = makeDate({
    start: spec.start,
    end: spec.end,
    precision: spec.precision,
    basis: spec.basis,
    evidence: spec.evidence,
    source: ext?.source,
    approximate: spec.approximate,
    note: spec.note,
  });
  const alt = 'alternative' in spec ? spec.alternative : undefined;
  if (alt !== undefined) main.alternative = fromSpec(alt, externals);
  return main;
}

export interface Publication {
  /** "2024-03" */
  start: string;
}

interface Found {
  index: number;
  evidence: string;
  start: string;
  end?: string;
  precision: Precision;
  basis: DateBasis;
}

const STATED = /(\d{4})年(?:(\d{1,2})月|底|初)?/g;

/** Words that place a paragraph relative to the article's publication. */
function relativeWords(pub: Publication): Array<{ word: string; start: string; end?: string; precision: Precision }> {
  const year = Number(pub.start.slice(0, 4));
  const month = pub.start.length >= 7 ? pub.start : `${year}`;
  const monthPrecision: Precision = pub.start.length >= 7 ? 'month' : 'year';
  return [
    { word: '去年', start: `${year - 1}`, precision: 'year' },
    { word: '今年', start: `${year}`, precision: 'year' },
    { word: '近两年', start: `${year - 2}`, end: `${year}`, precision: 'year' },
    { word: '最近', start: month, precision: monthPrecision },
    { word: '今天', start: month, precision: monthPrecision },
    { word: '今晚', start: month, precision: monthPrecision },
  ];
}

/** The first date the paragraph itself gives: a stated year/month, or a word relative to publication. */
export function dateInText(text: string, pub: Publication): DateContext | null {
  const found: Found[] = [];
  for (const m of text.matchAll(STATED)) {
    const [evidence, y = '', mo] = m;
    found.push({
      index: m.index,
      evidence,
      start: mo === undefined ? y : `${y}-${mo.padStart(2, '0')}`,
      precision: mo === undefined ? 'year' : 'month',
      basis: 'stated',
    });
  }
  for (const r of relativeWords(pub)) {
    const index = text.indexOf(r.word);
    if (index >= 0)
      found.push({ index, evidence: r.word, start: r.start, end: r.end, precision: r.precision, basis: 'relative' });
  }
  found.sort((a, b) => a.index - b.index);
  const first = found[0];
  if (first === undefined) return null;
  return makeDate({
    start: first.start,
    end: first.end,
    precision: first.precision,
    basis: first.basis,
    evidence: first.evidence,
  });
}

/** A date inherited from an earlier paragraph: shown as approximate, flagged when it crosses a heading. */
export function inherit(from: DateContext, fromRef: string, crossesSection: boolean): DateContext {
  return makeDate({
    start: from.start,
    end: from.end,
    precision: from.precision,
    basis: 'narrative',
    evidence: from.evidence,
    from: fromRef,
    approximate: true,
    crossesSection: crossesSection || undefined,
  });
}
