// `npm run build:index`: builds the corpus and search index from the data (FEUD_DATA_DIR or data/) and writes
// the snapshot that start-up loads (dist/snapshot.jsonl, or snapshot.jsonl in FEUD_DATA_DIR); then draws the
// timeline pictures beside it, so no running bot has to.
import { performance } from 'node:perf_hooks';
import { createApp, createPictures } from '../app.ts';
import { dataDirFromEnv } from '../config/env.ts';
import { writeSnapshot } from '../io/indexSnapshot.ts';
import { startupGuard } from './startupGuard.ts';

startupGuard('build:index', () => {
  const t0 = performance.now();
  const path = writeSnapshot(dataDirFromEnv());
  const t1 = performance.now();
  process.stdout.write(`snapshot (corpus + index) written to ${path} in ${((t1 - t0) / 1000).toFixed(1)} s\n`);
  const drawn = createPictures(createApp()).drawAhead();
  const s = ((performance.now() - t1) / 1000).toFixed(1);
  process.stdout.write(`timeline pictures drawn ahead: ${drawn.length} in ${s} s\n`);
  return Promise.resolve(0);
});
