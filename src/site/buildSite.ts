// Builds the article page and its assets in memory: served by HTTP mode at /article/, written by `npm run site`.
import { readFileSync } from 'node:fs';
import type { Answerer } from '../answer/answerQuery.ts';
import { noiseSchema } from '../corpus/schema.ts';
import { readFrom } from '../io/readData.ts';
import type { TimelinePictures } from '../pictures/timelinePictures.ts';
import { FONT_FILES } from '../pictures/rasterize.ts';
import { articleHtml, type ArticleLine } from './articleHtml.ts';

export interface SiteFile {
  contentType: string;
  body: Buffer;
}

/** Path inside the site (index.html, assets/…) → file. */
export type Site = ReadonlyMap<string, SiteFile>;

const ASSETS = {
  timeline: { en: 'assets/timeline.en.png', zh: 'assets/timeline.zh.png' },
  fonts: { regular: 'assets/NotoSansSC-Regular.ttf', bold: 'assets/NotoSansSC-Bold.ttf' },
} as const;

/** The article's lines in file order: each paragraph, and each line or suffix the noise list removed, with why. */
export function articleLines(app: Answerer, root?: string): ArticleLine[] {
  const read = readFrom(root);
  const { corpus } = app;
  return corpus.sources.flatMap((source) => {
    const text = read(`data/${source.file}`) ?? '';
    const noise = noiseSchema.parse(JSON.parse(read(`data/${source.annotations}/noise.json`) ?? '[]'));
    const byLine = new Map(corpus.paragraphs.filter((p) => p.sourceId === source.id).map((p) => [p.line, p]));
    return text.split(/\r?\n/).flatMap((raw, i): ArticleLine[] => {
      const line = raw.trim();
      if (line === '') return [];
      const paragraph = byLine.get(i + 1);
      if (!paragraph) {
        const entry = noise.find((n) => n.match === 'line' && n.text === line);
        return entry ? [{ kind: 'noise', text: line, reason: entry.reason }] : [];
      }
      const suffix = noise.find((n) => n.match === 'suffix' && line.endsWith(n.text));
      return [
        { kind: 'paragraph', paragraph, ...(suffix && { removed: { text: suffix.text, reason: suffix.reason } }) },
      ];
    });
  });
}

export function buildSite(app: Answerer, pictures: TimelinePictures, root?: string): Site {
  const html = articleHtml(app.corpus, articleLines(app, root), ASSETS);
  const png = (body: Buffer): SiteFile => ({ contentType: 'image/png', body });
  const font = (path: string): SiteFile => ({ contentType: 'font/ttf', body: readFileSync(path) });
  return new Map<string, SiteFile>([
    ['index.html', { contentType: 'text/html; charset=utf-8', body: Buffer.from(html, 'utf8') }],
    [ASSETS.timeline.en, png(pictures.png('en'))],
    [ASSETS.timeline.zh, png(pictures.png('zh'))],
    [ASSETS.fonts.regular, font(FONT_FILES.regular)],
    [ASSETS.fonts.bold, font(FONT_FILES.bold)],
    ['assets/OFL.txt', { contentType: 'text/plain; charset=utf-8', body: readFileSync(FONT_FILES.licence) }],
  ]);
}
