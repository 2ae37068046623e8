// The committed font subset must hold every character the chart draws and the article page shows.
// When this fails (new data, a second article, new interface text), run `npm run font:subset` and commit assets/fonts/.
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { loadFonts } from '../src/pictures/rasterize.ts';
import { createTimelinePictures } from '../src/pictures/timelinePictures.ts';
import { SITE_TEXT } from '../src/site/siteText.ts';

const app = createApp();
const fonts = loadFonts();
const pictures = createTimelinePictures(app);

function missing(texts: readonly string[]): string[] {
  const chars = new Set([...texts.join('')].filter((c) => c.trim() !== ''));
  return [...chars].filter((c) => !fonts.regular.has(c) || !fonts.bold.has(c));
}

describe('the font subset', () => {
  it.each(['en', 'zh'] as const)('has every character the %s timeline chart draws', (lang) => {
    const { texts } = pictures.chart(lang);
    expect(texts.length).toBeGreaterThan(app.timeline().length);
    expect(missing(texts)).toEqual([]);
  });

  it('has every character of the article, its glosses and the annotations', () => {
    const { corpus } = app;
    const texts = [
      ...corpus.paragraphs.flatMap((p) => [p.text, p.gloss, p.section.zh, p.section.en]),
      ...corpus.events.flatMap((e) => [e.label.en, e.label.zh, e.date.label, e.date.labelZh]),
      ...corpus.entities.flatMap((e) => [e.name.en, e.name.zh, e.role.en, e.role.zh]),
      ...corpus.quotes.flatMap((q) => [q.text, q.en]),
    ];
    expect(missing(texts)).toEqual([]);
  });

  it('has every character of the article page’s interface, in both languages', () => {
    expect(missing(Object.values(SITE_TEXT).flatMap((t) => Object.values(t)))).toEqual([]);
  });

  it('would notice a character it lacks', () => {
    expect(missing(['龘'])).toEqual(['龘']);
  });
});
