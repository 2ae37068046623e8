// The one place build-time steps run (npm run build; `prepare` runs it on npm ci): TypeScript → dist/ with esbuild.
// Bundled, not transpiled file by file: one read per entry instead of hundreds of node_modules files at start-up.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import process from 'node:process';
import * as esbuild from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist');

export const BUILD_OPTIONS = {
  absWorkingDir: ROOT,
  // dist/shard.js must sit beside the chunk that holds shardManager.ts, which spawns it by that name.
  entryPoints: {
    main: 'src/main.ts',
    ask: 'src/cli/ask.ts',
    shard: 'src/discord/shard.ts',
    deploy: 'commands/deploy.ts',
    buildIndex: 'src/cli/buildIndex.ts',
  },
  outdir: OUT,
  // Flat: src/io/readData.ts finds the project root as dist/.. from any chunk.
  chunkNames: '[name]-[hash]',
  bundle: true,
  // Each mode's dynamic import() becomes its own chunk, so HTTP mode and ask never evaluate discord.js.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  sourcemap: true,
  logLevel: 'warning',
  // discord.js's optional native speed-ups (absent here, looked up at run time if a user installs them), and resvg,
  // whose native binary loads from its platform package at run time.
  external: ['zlib-sync', 'bufferutil', 'utf-8-validate', '@discordjs/voice', '@resvg/resvg-js'],
  // CommonJS dependencies (undici, ws, …) call require() on node built-ins; ESM has none, so give them one.
  banner: {
    js: "import { createRequire as __feudCreateRequire } from 'node:module'; const require = __feudCreateRequire(import.meta.url);",
  },
};

/** The project's own files the bundle was built from: dist/main.js refuses to start if one is newer (stale build). */
export const SOURCES_FILE = 'sources.json';

async function build() {
  rmSync(OUT, { recursive: true, force: true });
  const { metafile } = await esbuild.build({ ...BUILD_OPTIONS, metafile: true });
  const sources = Object.fromEntries(
    Object.keys(metafile.inputs)
      .filter((input) => !input.startsWith('node_modules/'))
      .map((input) => [
        input,
        createHash('sha256')
          .update(readFileSync(join(ROOT, input)))
          .digest('hex'),
      ]),
  );
  writeFileSync(join(OUT, SOURCES_FILE), `${JSON.stringify({ builtAt: Date.now(), sources })}\n`);
  // ── Build-time data steps go here, after the code is built. ──
  // The snapshot of the corpus and its search index (dist/snapshot.jsonl), from the data as it is now; start-up uses it
  // only while the data files are unchanged.
  execFileSync(process.execPath, [join(OUT, 'buildIndex.js')], { cwd: ROOT, stdio: 'inherit' });
  await buildStartupSnapshot();
}

/** What `npm start` runs: V8's saved heap with the code loaded and the app built (src/cli/snapshotEntry.ts). */
export const STARTUP_SNAPSHOT = 'feud.blob';

/**
 * The snapshot builder runs one CommonJS file that may require only Node's built-ins, so the entry is bundled
 * again on its own, as CommonJS; import.meta.url becomes the file's own URL (dist/, as for the ESM bundle).
 */
/**
 * discord.js stays out of the snapshot: the gateway and the shards require it from node_modules when they
 * start, so HTTP mode, the console and ask never have it in their heap. (A snapshot's own require knows only
 * Node's built-ins; node:module's createRequire is the one that finds node_modules at run time.)
 */
const discordFromNodeModules = {
  name: 'discord-from-node-modules',
  setup(build) {
    build.onResolve({ filter: /^discord\.js$/ }, () => ({ path: 'discord.js', namespace: 'run-time-require' }));
    build.onLoad({ filter: /.*/, namespace: 'run-time-require' }, (args) => ({
      contents: `module.exports = require('node:module').createRequire(${JSON.stringify(join(ROOT, 'package.json'))})(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

async function buildStartupSnapshot() {
  const entry = join(OUT, 'snapshot-entry.cjs');
  await esbuild.build({
    ...BUILD_OPTIONS,
    plugins: [discordFromNodeModules],
    entryPoints: ['src/cli/snapshotEntry.ts'],
    outdir: undefined,
    outfile: entry,
    splitting: false,
    format: 'cjs',
    sourcemap: false,
    banner: {},
    inject: [join(ROOT, 'scripts', 'import-meta-url.mjs')],
    // import.meta.resolve is only reached from source (shardManager.ts finding tsx), never from dist/.
    define: { 'import.meta.url': 'importMetaUrl', 'import.meta.resolve': 'undefined' },
  });
  // NODE_NO_WARNINGS: the builder warns that node:module (our lazy createRequire) is "not yet fully verified"
  // in a snapshot; it is only called at run time, after the heap is restored (tests run every mode from it).
  execFileSync(process.execPath, ['--snapshot-blob', join(OUT, STARTUP_SNAPSHOT), '--build-snapshot', entry], {
    cwd: OUT,
    stdio: 'inherit',
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
}

async function watch() {
  const context = await esbuild.context({ ...BUILD_OPTIONS, logLevel: 'info' });
  await context.watch();
}

if (process.argv.includes('--watch')) await watch();
else await build();
