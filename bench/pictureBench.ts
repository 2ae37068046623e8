// The timeline picture: what drawing it costs once per language, and what a timeline answer costs after that.
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app.ts';
import { createInteractionHandler } from '../src/interactions/handleInteraction.ts';
import { loadFonts, rasterize } from '../src/pictures/rasterize.ts';
import { chartCitation, chartEvents } from '../src/pictures/timelineEvents.ts';
import { createTimelinePictures } from '../src/pictures/timelinePictures.ts';
import { timelineSvg } from '../src/pictures/timelineSvg.ts';
import { summarise, type Summary } from './stats.ts';
import { chatInput } from '../tests/fake-discord/payloads.ts';

export interface PictureBench {
  fontsMs: number;
  svgMs: Record<'en' | 'zh', number>;
  rasterMs: Record<'en' | 'zh', number>;
  pngKb: Record<'en' | 'zh', number>;
  /** A /feud timeline answer with the picture already cached. */
  answer: Summary;
}

const time = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const out = f();
  return [out, performance.now() - t0];
};

export function benchPictures(rounds = 300): PictureBench {
  const app = createApp();
  const [fonts, fontsMs] = time(loadFonts);
  const svgMs = { en: 0, zh: 0 };
  const rasterMs = { en: 0, zh: 0 };
  const pngKb = { en: 0, zh: 0 };
  for (const lang of ['en', 'zh'] as const) {
    const [chart, s] = time(() => timelineSvg(chartEvents(app, lang), lang, chartCitation(app, lang), fonts.measure));
    const [png, r] = time(() => rasterize(chart.svg));
    svgMs[lang] = s;
    rasterMs[lang] = r;
    pngKb[lang] = Math.round(png.length / 1024);
  }
  const pictures = createTimelinePictures(app);
  pictures.warm();
  const handle = createInteractionHandler(app, { timelineImage: pictures.png });
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const payload = chatInput({ subcommand: 'timeline', locale: i % 2 ? 'zh-CN' : 'en-US' });
    const [handled, t] = time(() => handle(payload));
    if (!handled.files?.length) throw new Error('timeline answer without its picture');
    samples.push(t);
  }
  return { fontsMs, svgMs, rasterMs, pngKb, answer: summarise(samples) };
}
