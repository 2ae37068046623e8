// Dated events → an SVG timeline: one vertical time axis 2015–2024, a mark per event, labels laid out beside it.
// Pure: text is measured with the metrics handed in, so the layout matches what the rasteriser draws.
import type { DateContext } from '../corpus/types.ts';
import type { Lang } from '../render/messages.ts';
import { CHART_TEXT } from './chartText.ts';
import { layoutLabels } from './labelLayout.ts';

export interface ChartEvent {
  id: string;
  ref: string;
  /** The event's short label in the reader's language. */
  label: string;
  date: DateContext;
}

export interface ChartCitation {
  title: string;
  publisher: string;
  published: string;
}

export type Measure = (text: string, size: number, bold: boolean) => number;

export interface LabelBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
}

export interface TimelineChart {
  svg: string;
  width: number;
  height: number;
  labels: LabelBox[];
  /** Every string drawn, for the font-coverage test. */
  texts: string[];
}

export const CHART = {
  width: 1200,
  firstYear: 2015,
  lastYear: 2024,
  pxPerYear: 150,
  plotTop: 190,
  axisX: 120,
  laneWidth: 24,
  labelSize: 21,
  lineHeight: 28,
  labelGap: 12,
  maxLabelLines: 3,
  font: 'Noto Sans SC',
} as const;

const COLOUR = { ink: '#1e293b', muted: '#64748b', grid: '#e2e8f0', mark: '#6d28d9', alt: '#d97706', bg: '#ffffff' };

/** A date's position in fractional years: a point at the middle of its period, a range from start to end. */
export function yearsOf(d: Pick<DateContext, 'start' | 'end' | 'precision'>): { from: number; to: number } {
  const at = (s: string, edge: 'start' | 'mid' | 'end'): number => {
    const [y = 0, m, day] = s.split('-').map(Number);
    const f = edge === 'start' ? 0 : edge === 'mid' ? 0.5 : 1;
    if (m === undefined) return y + f;
    if (day === undefined) return y + (m - 1 + f) / 12;
    return y + (m - 1 + (day - 1 + f) / 31) / 12;
  };
  if (!d.end) {
    const mid = at(d.start, 'mid');
    return { from: mid, to: mid };
  }
  return { from: at(d.start, 'start'), to: at(d.end, 'end') };
}

const isApproximate = (d: DateContext): boolean => d.approximate === true || d.basis === 'narrative';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const TOKEN = /[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]|[^\s\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]+|\s+/gu;

/** Greedy wrap by words (Latin) and characters (Han), at most `maxLines`, the last cut with an ellipsis. */
export function wrapText(text: string, maxWidth: number, maxLines: number, width: (s: string) => number): string[] {
  const tokens = text.match(TOKEN) ?? [];
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = (line + token).trimStart();
    if (line === '' || width(next.trimEnd()) <= maxWidth) {
      line = next;
      continue;
    }
    if (lines.length === maxLines - 1) return [...lines, ellipsis(line + tokens.slice(i).join(''), maxWidth, width)];
    lines.push(fit(line.trimEnd(), maxWidth, width));
    line = token.trimStart();
  }
  if (line.trim()) lines.push(fit(line.trimEnd(), maxWidth, width));
  return lines;
}

const fit = (s: string, maxWidth: number, width: (s: string) => number): string =>
  width(s) <= maxWidth ? s : ellipsis(s, maxWidth, width);

function ellipsis(s: string, maxWidth: number, width: (s: string) => number): string {
  let kept = '';
  for (const ch of s) {
    if (width(`${kept}${ch}…`) > maxWidth) break;
    kept += ch;
  }
  return `${kept.trimEnd()}…`;
}

interface Row {
  event: ChartEvent;
  main: { from: number; to: number };
  alt?: { from: number; to: number };
  lane: number;
  lines: string[];
}

export function timelineSvg(
  events: readonly ChartEvent[],
  lang: Lang,
  citation: ChartCitation,
  measure: Measure,
): TimelineChart {
  const t = CHART_TEXT[lang];
  const C = CHART;
  const yOf = (years: number): number => C.plotTop + (years - C.firstYear) * C.pxPerYear;
  const plotBottom = yOf(C.lastYear + 1);

  const rows: Row[] = events
    .map((event) => ({
      event,
      main: yearsOf(event.date),
      alt: event.date.alternative ? yearsOf(event.date.alternative) : undefined,
      lane: 0,
      lines: [] as string[],
    }))
    .sort((a, b) => a.main.from - b.main.from || a.main.to - b.main.to || a.event.id.localeCompare(b.event.id));

  // Marks share lanes beside the axis; a lane is free again once the previous occupant's span (and its alternative) ends.
  const laneEnds: number[] = [];
  const span = (r: Row): [number, number] => {
    const ys = [r.main.from, r.main.to, ...(r.alt ? [r.alt.from, r.alt.to] : [])].map(yOf);
    return [Math.min(...ys) - 10, Math.max(...ys) + 10];
  };
  for (const r of [...rows].sort((a, b) => span(a)[0] - span(b)[0])) {
    const [top, bottom] = span(r);
    let lane = laneEnds.findIndex((end) => end < top);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = bottom;
    r.lane = lane;
  }
  const laneX = (lane: number): number => C.axisX + 26 + lane * C.laneWidth;
  const labelX = laneX(laneEnds.length) + 44;
  const maxWidth = C.width - labelX - 24;

  const wrapWidth = (s: string): number => measure(s, C.labelSize, false);
  for (const r of rows) {
    const d = r.event.date;
    const dateLabel = lang === 'zh' ? d.labelZh : d.label;
    const alt = d.alternative ? ` · ${t.alsoRead(lang === 'zh' ? d.alternative.labelZh : d.alternative.label)}` : '';
    const head = `${dateLabel}${alt}`;
    r.lines = [
      ...wrapText(head, maxWidth - measure(`  ${t.paragraph(r.event.ref)}`, C.labelSize, false), 1, (s) =>
        measure(s, C.labelSize, true),
      ),
      ...wrapText(r.event.label, maxWidth, C.maxLabelLines - 1, wrapWidth),
    ];
  }
  const placed = layoutLabels(
    rows.map((r) => ({ want: yOf(r.main.from) - C.lineHeight * 0.7, height: r.lines.length * C.lineHeight })),
    C.labelGap,
    C.plotTop - 30,
  );
  const lastLabel = placed.at(-1);
  const height = Math.ceil(Math.max(plotBottom, lastLabel ? lastLabel.top + lastLabel.height : 0) + 56);

  const texts: string[] = [];
  const text = (x: number, y: number, s: string, attrs: string): string => {
    texts.push(s);
    return `<text x="${r1(x)}" y="${r1(y)}" ${attrs}>${esc(s)}</text>`;
  };
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${C.width}" height="${height}" viewBox="0 0 ${C.width} ${height}" font-family="${C.font}">`,
    `<rect width="100%" height="100%" fill="${COLOUR.bg}"/>`,
    text(40, 58, t.title, `font-size="36" font-weight="700" fill="${COLOUR.ink}"`),
  );
  const subtitle = wrapText(
    t.subtitle(events.length, citation.title, citation.publisher, citation.published),
    C.width - 80,
    1,
    (s) => measure(s, 20, false),
  )[0];
  if (subtitle) out.push(text(40, 92, subtitle, `font-size="20" fill="${COLOUR.muted}"`));

  // Legend: the four kinds of mark, in one row.
  const ly = 132;
  const legend: [(x: number) => string, string][] = [
    [(x) => `<circle cx="${x + 8}" cy="${ly}" r="8" fill="${COLOUR.mark}"/>`, t.legend.stated],
    [
      (x) => `<circle cx="${x + 8}" cy="${ly}" r="7" fill="${COLOUR.bg}" stroke="${COLOUR.mark}" stroke-width="3"/>`,
      t.legend.approximate,
    ],
    [(x) => `<rect x="${x}" y="${ly - 6}" width="28" height="12" rx="6" fill="${COLOUR.mark}"/>`, t.legend.range],
    [
      (x) =>
        `<line x1="${x}" y1="${ly}" x2="${x + 22}" y2="${ly}" stroke="${COLOUR.alt}" stroke-width="3" stroke-dasharray="5 4"/>` +
        `<circle cx="${x + 28}" cy="${ly}" r="6" fill="${COLOUR.alt}"/>`,
      t.legend.alternative,
    ],
  ];
  let lx = 40;
  for (const [shape, label] of legend) {
    out.push(shape(lx), text(lx + 42, ly + 7, label, `font-size="19" fill="${COLOUR.ink}"`));
    lx += 42 + measure(label, 19, false) + 36;
  }

  // Axis and year grid.
  for (let y = C.firstYear; y <= C.lastYear + 1; y++) {
    const py = yOf(y);
    out.push(
      `<line x1="${C.axisX - 10}" y1="${py}" x2="${C.width - 20}" y2="${py}" stroke="${COLOUR.grid}" stroke-width="1.5"/>`,
    );
    if (y <= C.lastYear) {
      out.push(
        text(
          C.axisX - 16,
          py + C.pxPerYear / 2 + 8,
          t.year(y),
          `font-size="22" font-weight="700" fill="${COLOUR.muted}" text-anchor="end"`,
        ),
      );
    }
  }
  out.push(
    `<line x1="${C.axisX}" y1="${C.plotTop}" x2="${C.axisX}" y2="${plotBottom}" stroke="${COLOUR.ink}" stroke-width="3"/>`,
  );

  const labels: LabelBox[] = [];
  // Leaders first, then marks over them, then the labels: a leader never hides a mark.
  const leaders: string[] = [];
  const marks: string[] = [];
  const words: string[] = [];
  rows.forEach((r, i) => {
    const p = placed[i]!;
    const x = laneX(r.lane);
    const approximate = isApproximate(r.event.date);
    const mainY = yOf(r.main.from);
    if (r.alt) {
      const altY = yOf(r.alt.from);
      const altApprox = isApproximate(r.event.date.alternative!);
      marks.push(
        `<line x1="${x}" y1="${r1(mainY)}" x2="${x}" y2="${r1(altY)}" stroke="${COLOUR.alt}" stroke-width="3" stroke-dasharray="5 4"/>`,
      );
      marks.push(mark(x, r.alt, yOf, altApprox, COLOUR.alt, 6));
    }
    marks.push(mark(x, r.main, yOf, approximate, COLOUR.mark, 8));
    const anchorY = p.top + C.lineHeight * 0.7;
    leaders.push(
      `<polyline points="${x + 10},${r1(mainY)} ${labelX - 22},${r1(anchorY)} ${labelX - 8},${r1(anchorY)}" fill="none" stroke="${COLOUR.muted}" stroke-width="1.2"/>`,
    );
    r.lines.forEach((line, n) => {
      const baseline = p.top + (n + 1) * C.lineHeight - 7;
      if (n === 0) {
        words.push(text(labelX, baseline, line, `font-size="${C.labelSize}" font-weight="700" fill="${COLOUR.ink}"`));
        words.push(
          text(
            labelX + measure(line, C.labelSize, true) + 10,
            baseline,
            t.paragraph(r.event.ref),
            `font-size="${C.labelSize}" fill="${COLOUR.muted}"`,
          ),
        );
      } else {
        words.push(text(labelX, baseline, line, `font-size="${C.labelSize}" fill="${COLOUR.ink}"`));
      }
    });
    const width = Math.max(
      measure(r.lines[0] ?? '', C.labelSize, true) + 10 + measure(t.paragraph(r.event.ref), C.labelSize, false),
      ...r.lines.slice(1).map(wrapWidth),
    );
    labels.push({ id: r.event.id, x: labelX, y: p.top, width, height: p.height, lines: r.lines });
  });
  // Appended one by one: a spread of a long list overflows the call stack.
  for (const part of [leaders, marks, words]) for (const line of part) out.push(line);
  out.push('</svg>');
  return { svg: out.join('\n'), width: C.width, height, labels, texts };
}

function mark(
  x: number,
  at: { from: number; to: number },
  yOf: (years: number) => number,
  hollow: boolean,
  colour: string,
  r: number,
): string {
  const paint = hollow
    ? `fill="${COLOUR.bg}" stroke="${colour}" stroke-width="3"`
    : `fill="${colour}" stroke="${colour}" stroke-width="1"`;
  if (at.to > at.from) {
    const top = yOf(at.from);
    return `<rect x="${x - r + 1}" y="${r1(top)}" width="${2 * r - 2}" height="${r1(yOf(at.to) - top)}" rx="${r - 1}" ${paint}/>`;
  }
  return `<circle cx="${x}" cy="${r1(yOf(at.from))}" r="${hollow ? r - 1 : r}" ${paint}/>`;
}

const r1 = (n: number): number => Math.round(n * 10) / 10;
