// `npm run build:index`: builds the search index from the data (FEUD_DATA_DIR or data/) and writes the
// snapshot that start-up loads (dist/index.snapshot.json, or index.snapshot.json in FEUD_DATA_DIR).
import { performance } from 'node:perf_hooks';
import { dataDirFromEnv } from '../config/env.ts';
import { writeSnapshot } from '../io/indexSnapshot.ts';
import { startupGuard } from './startupGuard.ts';

startupGuard('build:index', () => {
  const t0 = performance.now();
  const path = writeSnapshot(dataDirFromEnv());
  process.stdout.write(`index snapshot written to ${path} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  return Promise.resolve(0);
});
