#!/usr/bin/env node
// Regenerates assets/fonts/: Noto Sans SC cut down to every character in data/ and in the interface's text
// (src/render, src/pictures, src/site). The 57 MB font package and subset-font are installed on demand into a
// temporary folder, never by `npm ci`. Run it after any change that adds characters: tests/fontSubset.test.ts
// fails until you do.
import process from 'node:process';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc@0.4.3';
const SUBSET_PACKAGE = 'subset-font@2.9.0';
const WEIGHTS = [
  ['400Regular/NotoSansSC_400Regular.ttf', 'NotoSansSC-Regular.ttf'],
  ['700Bold/NotoSansSC_700Bold.ttf', 'NotoSansSC-Bold.ttf'],
];
// Typography the renderers add around the corpus text (quotes, dashes, arrows, the pilcrow).
const EXTRA = '“”‘’–—…·•→←↔¶§°×「」『』《》〈〉、。，：；！？（）【】～ ';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'assets', 'fonts');

function filesUnder(dir, exts) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full, exts);
    return exts.some((e) => name.endsWith(e)) ? [full] : [];
  });
}

const chars = new Set(EXTRA);
for (let c = 0x20; c < 0x7f; c++) chars.add(String.fromCodePoint(c));
// The interface's words live in these folders; src/question's lexicon is for reading questions, never drawn.
const INTERFACE = ['render', 'pictures', 'site'].map((dir) => join(root, 'src', dir));
for (const file of [
  ...filesUnder(join(root, 'data'), ['.txt', '.json']),
  ...INTERFACE.flatMap((d) => filesUnder(d, ['.ts'])),
]) {
  for (const ch of readFileSync(file, 'utf8')) if (ch >= ' ') chars.add(ch);
}
const text = [...chars].sort().join('');

const work = mkdtempSync(join(tmpdir(), 'feud-font-'));
try {
  process.stdout.write(`installing ${FONT_PACKAGE} and ${SUBSET_PACKAGE} into ${work} …\n`);
  writeFileSync(join(work, 'package.json'), '{"private":true}');
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', FONT_PACKAGE, SUBSET_PACKAGE], {
    cwd: work,
    stdio: 'inherit',
  });
  const require = createRequire(join(work, 'package.json'));
  const { default: subsetFont } = await import(require.resolve('subset-font'));
  const fontDir = join(work, 'node_modules', '@expo-google-fonts', 'noto-sans-sc');
  for (const [from, to] of WEIGHTS) {
    const subset = await subsetFont(readFileSync(join(fontDir, from)), text, { targetFormat: 'truetype' });
    writeFileSync(join(out, to), subset);
    process.stdout.write(`${to}: ${chars.size} characters, ${Math.round(subset.length / 1024)} KiB\n`);
  }
  copyFileSync(join(fontDir, 'LICENSE_FONT'), join(out, 'OFL.txt'));
} finally {
  rmSync(work, { recursive: true, force: true });
}
