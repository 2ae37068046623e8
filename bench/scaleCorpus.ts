// Synthetic corpora for `npm run bench -- --scale`: N copies of the article, each its own source with its
// own ids and its years shifted, written to a temp dir that FEUD_DATA_DIR (or loadCorpus's dataDir) reads.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/io/readData.ts';

const YEAR = /(?<![\d.])(19|20)\d{2}(?!\d)/g;

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * Year shifts, one per copy: multiples of four keep every 29 February a real date, and a shift that
 * would move one into a century year that is not a leap year is skipped.
 */
function shifts(n: number, leapDays: number[]): number[] {
  const out: number[] = [];
  for (let d = 0; out.length < n; d += 4) if (leapDays.every((y) => isLeap(y + d))) out.push(d);
  return out;
}

function shiftText(text: string, by: number): string {
  return by === 0 ? text : text.replace(YEAR, (y) => String(Number(y) + by));
}

/** Every string in a JSON value with its years shifted; `rename` maps object keys' values (ids). */
function shiftJson(value: unknown, by: number, rename: (key: string, v: string) => string): unknown {
  if (typeof value === 'string') return shiftText(value, by);
  if (Array.isArray(value)) return value.map((v) => shiftJson(v, by, rename));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        typeof v === 'string' ? rename(k, shiftText(v, by)) : shiftJson(v, by, rename),
      ]),
    );
  }
  return value;
}

const SYLLABLES =
  'ba be bi bo bu ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru ta te ti to tu'.split(' ');

/** A pronounceable made-up word per (copy, paragraph, slot): new vocabulary that grows with the corpus. */
export function madeUpWord(seed: number): string {
  let s = seed;
  let w = '';
  for (let i = 0; i < 4; i++) {
    w += SYLLABLES[s % SYLLABLES.length];
    s = Math.floor(s / SYLLABLES.length) + 7 * (i + 1);
  }
  return w;
}

export interface ScaleOptions {
  /** Made-up English words added to every paragraph's gloss, per copy. */
  extraWords?: number;
}

/** Writes n copies of data/ to a new temp dir and returns its path (a data dir: sources.json at its top). */
export function writeScaledCorpus(n: number, options: ScaleOptions = {}): string {
  const src = join(PROJECT_ROOT, 'data');
  const dir = mkdtempSync(join(tmpdir(), `feud-scale-${n}-`));
  const read = (p: string) => readFileSync(join(src, p), 'utf8');
  const [source] = JSON.parse(read('sources.json')) as Array<Record<string, unknown>>;
  if (!source) throw new Error('data/sources.json has no source');
  const article = read(String(source.file));
  const annotations = String(source.annotations);
  const files = readdirSync(join(src, annotations)).filter((f) => f.endsWith('.json'));
  const externals = JSON.parse(read('external-dates.json')) as Array<{ id: string; start: string }>;
  const leapDays = [
    ...new Set(
      [...JSON.stringify(externals), ...files.map((f) => read(join(annotations, f)))]
        .join('')
        .matchAll(/(\d{4})-02-29/g),
    ),
  ].map((m) => Number(m[1]));
  const all = shifts(n, [...new Set(leapDays)]);
  const suffix = (k: number) => (k === 0 ? '' : `-c${k}`);

  const sources: unknown[] = [];
  const allExternals: unknown[] = [];
  all.forEach((by, k) => {
    const name = `${annotations}${suffix(k)}`;
    const text = shiftText(article, by);
    writeFileSync(join(dir, `${name}.zh.txt`), text);
    const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
    sources.push({
      ...(shiftJson(source, by, (_, v) => v) as object),
      id: `${String(source.id)}${suffix(k)}`,
      file: `${name}.zh.txt`,
      annotations: name,
      sha256,
    });
    // Ids, and the ids that point at a source's own quotes, events and external dates, get the copy's suffix.
    const renamed = new Set(['id', 'external', 'event', 'quote']);
    const rename = (key: string, v: string) => (renamed.has(key) ? `${v}${suffix(k)}` : v);
    for (const e of externals) allExternals.push(shiftJson(e, by, rename));
    mkdirSync(join(dir, name));
    for (const f of files) {
      let json = shiftJson(JSON.parse(read(join(annotations, f))), by, rename);
      if (f === 'glosses.json' && options.extraWords) {
        const glosses = json as Record<string, string>;
        json = Object.fromEntries(
          Object.entries(glosses).map(([ref, g], i) => {
            const words = Array.from({ length: options.extraWords ?? 0 }, (_, j) => madeUpWord((k * 997 + i) * 31 + j));
            return [ref, `${g} ${words.join(' ')}`];
          }),
        );
      }
      writeFileSync(join(dir, name, f), JSON.stringify(json, null, 1));
    }
  });
  writeFileSync(join(dir, 'sources.json'), JSON.stringify(sources, null, 1));
  writeFileSync(join(dir, 'external-dates.json'), JSON.stringify(allExternals, null, 1));
  // Shared by every source (entities, aliases, actions…): copied as they are.
  for (const f of readdirSync(src).filter((f) => f.endsWith('.json'))) {
    if (f !== 'sources.json' && f !== 'external-dates.json') writeFileSync(join(dir, f), read(f));
  }
  return dir;
}
