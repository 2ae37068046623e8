// The timeline picture per language: drawn once, on first use (or warm()), then served from memory.
import type { Answerer } from '../answer/answerQuery.ts';
import type { Lang } from '../render/messages.ts';
import { loadFonts, rasterize, type Fonts } from './rasterize.ts';
import { chartCitation, chartEvents } from './timelineEvents.ts';
import { timelineSvg, type TimelineChart } from './timelineSvg.ts';

export const TIMELINE_FILE = 'timeline.png';

export interface TimelinePictures {
  chart: (lang: Lang) => TimelineChart;
  png: (lang: Lang) => Buffer;
  /** Draws both languages now, so no answer pays for it. */
  warm: () => void;
}

export function createTimelinePictures(app: Answerer): TimelinePictures {
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
  const png = (lang: Lang): Buffer => {
    let p = pngs.get(lang);
    if (!p) {
      p = rasterize(chart(lang).svg);
      pngs.set(lang, p);
    }
    return p;
  };
  return {
    chart,
    png,
    warm() {
      png('en');
      png('zh');
    },
  };
}
