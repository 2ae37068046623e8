// npm run site: writes the annotated article page and its assets to dist/site/ (or the folder given).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createApp, createPictures } from '../app.ts';
import { PROJECT_ROOT } from '../io/readData.ts';
import { buildSite } from '../site/buildSite.ts';
import { startupGuard } from './startupGuard.ts';

async function main(): Promise<number> {
  const out = resolve(process.argv[2] ?? join(PROJECT_ROOT, 'dist', 'site'));
  const app = createApp();
  const site = buildSite(app, createPictures(app));
  rmSync(out, { recursive: true, force: true });
  for (const [path, file] of site) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), file.body);
  }
  process.stdout.write(`${join(out, 'index.html')}\n`);
  return Promise.resolve(0);
}

startupGuard('site', main);
