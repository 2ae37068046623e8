// The startup snapshot that `npm start` runs (`node --snapshot-blob dist/feud.blob`), written by the build
// with `node --build-snapshot` (Node.js's startup snapshot): this file runs at build time, where it loads
// the code and builds the app (corpus, index, question layer), and V8 saves the heap. A start deserialises
// that heap instead of parsing the code and building the app again: the first answer comes ~100 ms sooner.
//
// At run time the saved app is used only while it is what a fresh start would build: the data files are
// those it was built from (their SHA-256s, as the corpus snapshot checks) and FEUD_DATA_DIR names no other
// data. Otherwise the app is built as `node dist/main.js` builds it, with the same one line on stderr.
// What needs a socket, a timer or the environment (src/serve.ts and everything it starts) is only loaded at
// run time: nothing of it may be in the saved heap.
import { join, resolve } from 'node:path';
import { startupSnapshot } from 'node:v8';
import dotenv from 'dotenv';
import { createApp } from '../app.ts';
import { warmWordLists } from '../search/commonWords.ts';
import { dataDirFromEnv } from '../config/env.ts';
import { inputsUnchanged, snapshotInputs, snapshotPath } from '../io/indexSnapshot.ts';
import { PROJECT_ROOT, readFrom } from '../io/readData.ts';
import { startupGuard } from './startupGuard.ts';

const app = createApp();
warmWordLists();
const inputs = snapshotInputs(snapshotPath());
if (inputs === undefined) throw new Error(`${snapshotPath()}: no snapshot to build the startup snapshot from`);

/** FEUD_DATA_DIR unset; a bad value is not ours to report here: the full start-up says it in one line. */
function ownData(): boolean {
  try {
    return dataDirFromEnv() === undefined;
  } catch {
    return false;
  }
}

/** This snapshot's own path as given to node (`--snapshot-blob PATH` or `--snapshot-blob=PATH`). */
function blobPath(): string | undefined {
  const args = process.execArgv;
  const at = args.indexOf('--snapshot-blob');
  if (at >= 0) return args[at + 1];
  return args.find((a) => a.startsWith('--snapshot-blob='))?.slice('--snapshot-blob='.length);
}

startupSnapshot.setDeserializeMainFunction(() => {
  // The saved heap holds the paths of the project it was built in: a moved checkout must be built again.
  const blob = blobPath();
  if (blob !== undefined && resolve(blob) !== join(PROJECT_ROOT, 'dist', 'feud.blob')) {
    process.stderr.write(`feud-bot: ${blob} was built for ${PROJECT_ROOT}; run npm run build here\n`);
    process.exit(1);
  }
  dotenv.config({ quiet: true });
  const usable = ownData() && inputsUnchanged(inputs, readFrom(PROJECT_ROOT));
  const saved = usable ? app : undefined;
  // `node --snapshot-blob dist/feud.blob ask …` is the ask CLI (`npm run ask`); with no argument, the bot.
  if (process.argv[1] === 'ask') {
    const args = process.argv.slice(2);
    void import('./askCommand.ts').then(({ runAsk }) => startupGuard('ask', () => runAsk(args, saved)));
  } else void import('../serve.ts').then(({ start }) => start(saved));
});
