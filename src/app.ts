// Wires the pure core together once: corpus → search → answerer.
import { createAnswerer, type Answerer } from './answer/answerQuery.ts';
import { dataDirFromEnv } from './config/env.ts';
import type { Corpus } from './corpus/types.ts';
import { dirname } from 'node:path';
import { loadIndexed, snapshotPath } from './io/indexSnapshot.ts';
import { createTimelinePictures, type TimelinePictures } from './pictures/timelinePictures.ts';
import { createSearch } from './search/createSearch.ts';

/**
 * With no corpus given: the data (FEUD_DATA_DIR or data/) and, when it was built from exactly those
 * files, the index snapshot (`npm run build:index`). Otherwise the index is built in memory; a stale
 * snapshot is named in one line and never served.
 */
export function createApp(corpus?: Corpus): Answerer {
  if (corpus) return createAnswerer(corpus, createSearch(corpus));
  const loaded = loadIndexed(dataDirFromEnv());
  if (loaded.unused !== undefined) {
    process.stderr.write(
      `feud-bot: snapshot not used (${loaded.unused}); building the corpus and index from the data\n`,
    );
  }
  return createAnswerer(loaded.corpus, createSearch(loaded.corpus, loaded.index));
}

/** The timeline pictures, reusing those the build drew ahead beside the snapshot (see drawAhead). */
export function createPictures(app: Answerer): TimelinePictures {
  return createTimelinePictures(app, { drawnDir: dirname(snapshotPath(dataDirFromEnv())) });
}
