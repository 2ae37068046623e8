// The timeline picture: label layout, the SVG against golden files, and the cached PNG per language.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeScaledCorpus } from '../bench/scaleCorpus.ts';
import { createApp } from '../src/app.ts';
import { loadCorpus } from '../src/io/readData.ts';
import { layoutLabels, overlaps } from '../src/pictures/labelLayout.ts';
import { loadFonts } from '../src/pictures/rasterize.ts';
import { chartCitation, chartEvents } from '../src/pictures/timelineEvents.ts';
import { createTimelinePictures } from '../src/pictures/timelinePictures.ts';
import { CHART, timelineSvg, wrapText, yearsOf } from '../src/pictures/timelineSvg.ts';
import { FIXTURE_CITATION, FIXTURE_EVENTS } from './fixtures/timelineEvents.ts';

const app = createApp();
const fonts = loadFonts();
const pictures = createTimelinePictures(app);
const LANGS = ['en', 'zh'] as const;

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('layoutLabels', () => {
  it('pushes crowded labels apart, keeps their order and centres each block on its marks', () => {
    const placed = layoutLabels(
      [
        { want: 100, height: 50 },
        { want: 105, height: 50 },
        { want: 110, height: 50 },
        { want: 400, height: 20 },
      ],
      10,
      0,
    );
    for (let i = 1; i < placed.length; i++) {
      expect(placed[i]!.top).toBeGreaterThanOrEqual(placed[i - 1]!.top + placed[i - 1]!.height + 10);
    }
    // The three crowded labels straddle their marks rather than all hanging below the first.
    expect(placed[0]!.top).toBeLessThan(100);
    expect(placed[3]!.top).toBe(400);
  });

  it('never places a label above minTop', () => {
    const placed = layoutLabels(
      [
        { want: 5, height: 40 },
        { want: 6, height: 40 },
      ],
      8,
      30,
    );
    expect(placed[0]!.top).toBe(30);
    expect(placed[1]!.top).toBe(78);
  });
});

describe('wrapText', () => {
  const width = (s: string) => fonts.measure(s, 21, false);
  it('keeps every line within the width and ends a cut line with an ellipsis', () => {
    const lines = wrapText('Musk repeatedly criticises OpenAI for not releasing its models '.repeat(4), 300, 2, width);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(300);
    expect(lines[1]!.endsWith('…')).toBe(true);
  });

  it('breaks Chinese between characters', () => {
    const lines = wrapText('马斯克起诉OpenAI,将OpenAI、奥特曼和格雷格·布罗克曼告上法庭', 200, 5, width);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('马斯克起诉OpenAI,将OpenAI、奥特曼和格雷格·布罗克曼告上法庭');
  });
});

describe('yearsOf', () => {
  it('puts a point in the middle of its period and a range from start to end', () => {
    expect(yearsOf({ start: '2015', precision: 'year' })).toEqual({ from: 2015.5, to: 2015.5 });
    expect(yearsOf({ start: '2018-02', precision: 'month' }).from).toBeCloseTo(2018 + 1.5 / 12);
    expect(yearsOf({ start: '2016', end: '2018', precision: 'year' })).toEqual({ from: 2016, to: 2019 });
  });
});

describe('the timeline chart of the corpus', () => {
  it.each(LANGS)('%s: draws every dated event, and no two label boxes overlap', (lang) => {
    const events = chartEvents(app, lang);
    const chart = pictures.chart(lang);
    expect(events.length).toBe(app.timeline().length);
    expect(chart.labels).toHaveLength(events.length);
    expect(chart.width).toBeGreaterThanOrEqual(1200);
    for (const [i, a] of chart.labels.entries()) {
      expect(a.x + a.width).toBeLessThanOrEqual(chart.width);
      expect(a.y + a.height).toBeLessThanOrEqual(chart.height);
      for (const b of chart.labels.slice(i + 1)) expect(overlaps(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
    }
  });

  it('labels each event in the reader’s language', () => {
    const tweet = (lang: 'en' | 'zh') => pictures.chart(lang).labels.find((l) => l.id === 'event:part-ways-tweet');
    expect(tweet('en')?.lines.join(' ')).toContain('part ways');
    expect(tweet('zh')?.lines.join('')).toContain('分道扬镳');
  });

  it('shows both readings of the part-ways tweet: 17 February 2019, and the article order’s c. 2018, joined', () => {
    const chart = pictures.chart('en');
    const label = chart.labels.find((l) => l.id === 'event:part-ways-tweet');
    expect(label?.lines[0]).toContain('17 February 2019');
    expect(label?.lines[0]).toContain('c. 2018');
    expect(chart.svg).toContain('stroke-dasharray');
  });

  it('draws a stated date filled and an approximate one hollow', () => {
    const [stated, approximate] = [
      FIXTURE_EVENTS[0]!,
      { ...FIXTURE_EVENTS[0]!, date: { ...FIXTURE_EVENTS[0]!.date, approximate: true } },
    ];
    // The event's mark: the one circle off the legend's row (cy 132).
    const mark = (e: typeof stated) =>
      /<circle cx="[\d.]+" cy="(?!132")[\d.]+"[^>]*\/>/.exec(
        timelineSvg([e], 'en', FIXTURE_CITATION, fonts.measure).svg,
      )?.[0];
    expect(mark(stated)).toContain('fill="#6d28d9"');
    expect(mark(approximate)).toContain('fill="#ffffff"');
  });
});

describe('the timeline SVG for a fixed set of events', () => {
  it.each(LANGS)('%s matches its golden file', async (lang) => {
    const { svg } = timelineSvg(FIXTURE_EVENTS, lang, FIXTURE_CITATION, fonts.measure);
    await expect(svg).toMatchFileSnapshot(`./golden/timeline.${lang}.svg`);
  });
});

describe('the timeline PNG', () => {
  it.each(LANGS)('%s: a PNG at least %i px wide and under 1 MB', (lang) => {
    const png = pictures.png(lang);
    expect(pngSize(png).width).toBeGreaterThanOrEqual(CHART.width);
    expect(png.length).toBeLessThan(1024 * 1024);
  });

  it('differs between English and Chinese', () => {
    expect(pictures.png('en').equals(pictures.png('zh'))).toBe(false);
  });

  it('is drawn once per language and then served from memory', () => {
    expect(pictures.png('zh')).toBe(pictures.png('zh'));
  });

  it('cites the article in the chart', () => {
    expect(pictures.chart('zh').texts.join('')).toContain(chartCitation(app, 'zh').title);
  });
});

describe('pictures drawn ahead (the build step)', () => {
  it('are reused for exactly the chart they were drawn from, and drawn anew for any other', () => {
    const dir = mkdtempSync(join(tmpdir(), 'feud-drawn-'));
    try {
      const files = createTimelinePictures(app, { drawnDir: dir }).drawAhead();
      expect(files).toHaveLength(2);
      expect(new Set(files).size, 'one file per language').toBe(2);
      expect(readFileSync(files[0]!).equals(pictures.png('en')), 'the same PNG as drawing it').toBe(true);
      // A later process reads the file named for its chart instead of drawing: a marked file proves it.
      const marked = Buffer.concat([readFileSync(files[0]!), Buffer.from('read, not drawn')]);
      writeFileSync(files[0]!, marked);
      expect(createTimelinePictures(app, { drawnDir: dir }).png('en').equals(marked)).toBe(true);
      // No file for a chart means drawing it: an empty folder gives the real picture.
      rmSync(files[0]!);
      expect(createTimelinePictures(app, { drawnDir: dir }).png('en').equals(pictures.png('en'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the picture of a corpus of several articles', () => {
  it('charts the events of the article it cites, the first source, not of every source', () => {
    const dir = writeScaledCorpus(3);
    try {
      const many = createApp(loadCorpus(undefined, dir));
      const events = chartEvents(many, 'en');
      const first = many.corpus.sources[0]!.id;
      expect(events.length).toBe(many.corpus.events.filter((e) => e.sourceId === first).length);
      expect(events.length * 3).toBe(many.corpus.events.length);
      expect(chartCitation(many, 'en').title).toBe(many.corpus.sources[0]!.title);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
