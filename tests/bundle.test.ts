// What each mode loads at start, read from the bundler's own import graph: HTTP mode and ask never load discord.js.
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/spawnBot.ts';

async function metafile(): Promise<Metafile> {
  // The same shape as scripts/build.mjs: ESM, split at every dynamic import(), nothing written.
  const result = await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: { main: 'src/main.ts', ask: 'src/cli/ask.ts' },
    outdir: 'dist',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    external: ['zlib-sync', 'bufferutil', 'utf-8-validate', '@discordjs/voice', '@resvg/resvg-js'],
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  return result.metafile;
}

/** The source files a process evaluates once it has entered these output files: static imports only. */
function loaded(meta: Metafile, entries: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const output = meta.outputs[file];
    if (!output) throw new Error(`no output ${file}`);
    // External imports (node built-ins) have no output of their own.
    for (const imported of output.imports) {
      if (imported.kind === 'import-statement' && imported.external !== true) queue.push(imported.path);
    }
  }
  return new Set([...seen].flatMap((file) => Object.keys(meta.outputs[file]?.inputs ?? {})));
}

const chunkOf = (meta: Metafile, source: string): string => {
  const found = Object.entries(meta.outputs).find(([, output]) => output.entryPoint === source)?.[0];
  if (!found) throw new Error(`no chunk for ${source}`);
  return found;
};
const fromPackage = (inputs: Set<string>, name: string) =>
  [...inputs].some((i) => i.startsWith(`node_modules/${name}/`));

describe('the bundle loads per mode', { timeout: 60_000 }, () => {
  it('HTTP mode, the console and ask never load discord.js; the gateway does', async () => {
    const meta = await metafile();
    const http = loaded(meta, ['dist/main.js', chunkOf(meta, 'src/discord/httpMode.ts')]);
    const ask = loaded(meta, ['dist/ask.js']);
    const gateway = loaded(meta, ['dist/main.js', chunkOf(meta, 'src/discord/gatewayBot.ts')]);
    expect(fromPackage(http, 'discord.js')).toBe(false);
    expect(fromPackage(ask, 'discord.js')).toBe(false);
    expect(fromPackage(gateway, 'discord.js')).toBe(true);
    // OpenCC is required at run time, on the first query with a character the article does not use.
    expect(fromPackage(gateway, 'opencc-js') || fromPackage(ask, 'opencc-js')).toBe(false);
  });
});
