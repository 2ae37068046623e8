// SVG → PNG with resvg, drawing only with the committed font subset (never the machine's fonts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Resvg as ResvgClass } from '@resvg/resvg-js';
import { PROJECT_ROOT } from '../io/readData.ts';
import { readFontMetrics, type FontMetrics } from './fontMetrics.ts';
import { CHART, type Measure } from './timelineSvg.ts';

export const FONT_DIR = join(PROJECT_ROOT, 'assets', 'fonts');
export const FONT_FILES = {
  regular: join(FONT_DIR, 'NotoSansSC-Regular.ttf'),
  bold: join(FONT_DIR, 'NotoSansSC-Bold.ttf'),
  licence: join(FONT_DIR, 'OFL.txt'),
} as const;

export interface Fonts {
  regular: FontMetrics;
  bold: FontMetrics;
  measure: Measure;
}

export function loadFonts(): Fonts {
  const regular = readFontMetrics(readFileSync(FONT_FILES.regular));
  const bold = readFontMetrics(readFileSync(FONT_FILES.bold));
  return { regular, bold, measure: (text, size, isBold) => (isBold ? bold : regular).width(text, size) };
}

let Resvg: typeof ResvgClass | undefined;

/**
 * resvg is a native module (~10 ms to load): required on the first picture drawn, never at start-up. The
 * build draws the shipped corpus's pictures ahead (see timelinePictures.ts), so most processes never load it.
 */
function resvgClass(): typeof ResvgClass {
  Resvg ??= (createRequire(import.meta.url)('@resvg/resvg-js') as { Resvg: typeof ResvgClass }).Resvg;
  return Resvg;
}

export function rasterize(svg: string): Buffer {
  const resvg = new (resvgClass())(svg, {
    font: {
      fontFiles: [FONT_FILES.regular, FONT_FILES.bold],
      loadSystemFonts: false,
      defaultFontFamily: CHART.font,
    },
    fitTo: { mode: 'original' },
  });
  return resvg.render().asPng();
}
