// The timeline picture per language: drawn once, on first use (or warm()), then served from memory.
// Drawing (rasterising) costs ~80 ms a language, so the build draws them ahead into the snapshot's folder,
// each file named by the SHA-256 of the SVG it was drawn from: a picture is only ever reused for exactly
// the same chart, and a changed corpus or layout simply draws anew.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Answerer } from '../answer/answerQuery.ts';
import type { Lang } from '../render/messages.ts';
import { loadFonts, rasterize, type Fonts } from './rasterize.ts';
import { chartCitation, chartEvents } from './timelineEvents.ts';
import { timelineSvg, type TimelineChart } from './timelineSvg.ts';

export const TIMELINE_FILE = 'timeline.png';

export interface TimelinePictures {
  chart: (lang: Lang) => TimelineChart;
  png: (lang: Lang) => Buffer;
  /** Draws both languages now (or reads the build's), so no answer pays for it. */
  warm: () => void;
  /** Draws both languages into the folder of drawn pictures (the build step); returns the files written. */
  drawAhead: () => string[];
}

export interface PictureOptions {
  /** Where pictures drawn ahead are kept: dist/ for data/, the data folder itself for FEUD_DATA_DIR. */
  drawnDir?: string;
}

export function createTimelinePictures(app: Answerer, options: PictureOptions = {}): TimelinePictures {
  const { drawnDir } = options;
  let fonts: Fonts | undefined;
  const charts = new Map<Lang, TimelineChart>();
  const pngs = new Map<Lang, Buffer>();
  const chart = (lang: Lang): TimelineChart => {
    let c = charts.get(lang);
    if (!c) {
      fonts ??= loadFonts();
      c = timelineSvg(chartEvents(app, lang), lang, chartCitation(app, lang), fonts.measure);
      charts.set(lang, c);
    }
    return c;
  };
  const drawnFile = (svg: string): string | undefined =>
    drawnDir === undefined
      ? undefined
      : join(drawnDir, `timeline-${createHash('sha256').update(svg).digest('hex').slice(0, 16)}.png`);
  const png = (lang: Lang): Buffer => {
    let p = pngs.get(lang);
    if (!p) {
      const { svg } = chart(lang);
      const file = drawnFile(svg);
      p = file !== undefined && existsSync(file) ? readFileSync(file) : rasterize(svg);
      pngs.set(lang, p);
    }
    return p;
  };
  const LANGS: Lang[] = ['en', 'zh'];
  return {
    chart,
    png,
    warm() {
      LANGS.forEach(png);
    },
    drawAhead() {
      return LANGS.flatMap((lang) => {
        const file = drawnFile(chart(lang).svg);
        if (file === undefined) return [];
        writeFileSync(file, png(lang));
        return [file];
      });
    },
  };
}
