// The startup snapshot (dist/feud.blob) that npm start runs: built by the build step in a copy of the project,
// it answers as the bot does, and it never serves its saved app once a data file has changed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_DIR } from './helpers/runEntry.ts';
import { isolatedEnv } from './helpers/isolatedEnv.ts';

const copy = mkdtempSync(join(tmpdir(), 'feud-blob-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** The console from the copy's snapshot, given these lines; its stdout, stderr and exit code. */
function blob(lines: string[], args: string[] = ['--snapshot-blob', 'dist/feud.blob']) {
  const run = spawnSync(process.execPath, args, {
    cwd: copy,
    env: isolatedEnv({}),
    input: `${[...lines, 'exit'].join('\n')}\n`,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { stdout: run.stdout, stderr: run.stderr, code: run.status };
}

describe('the startup snapshot', { timeout: 120_000 }, () => {
  beforeAll(() => {
    for (const dir of ['src', 'commands', 'data', 'scripts', 'assets'])
      cpSync(join(PROJECT_DIR, dir), join(copy, dir), { recursive: true });
    cpSync(join(PROJECT_DIR, 'package.json'), join(copy, 'package.json'));
    symlinkSync(join(PROJECT_DIR, 'node_modules'), join(copy, 'node_modules'), 'dir');
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: copy, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
  });

  it('answers as the bot built at start does, and says nothing about its data', () => {
    const saved = blob(['/feud who 奥特曼', '/feud ask who sued openai']);
    const plain = blob(['/feud who 奥特曼', '/feud ask who sued openai'], ['dist/main.js']);
    expect(saved.code).toBe(0);
    expect(saved.stderr).toBe('');
    expect(saved.stdout).toContain('Sam Altman (奥特曼)');
    expect(saved.stdout).toBe(plain.stdout);
  });

  it('holds no discord.js: the gateway requires it from node_modules when it starts', () => {
    const entry = readFileSync(join(copy, 'dist', 'snapshot-entry.cjs'), 'utf8');
    expect(entry).not.toMatch(/node_modules\/discord\.js\//);
    expect(entry).toContain('node_modules/zod/');
  });

  it('is the ask CLI given `ask` first: the same answers, output and exit codes as dist/ask.js', () => {
    const ask = (args: string[], snapshot: boolean) =>
      spawnSync(
        process.execPath,
        snapshot ? ['--snapshot-blob', 'dist/feud.blob', 'ask', ...args] : ['dist/ask.js', ...args],
        {
          cwd: copy,
          env: isolatedEnv({}),
          encoding: 'utf8',
        },
      );
    for (const args of [['--json', 'who sued openai'], ['when', 'GPT-2'], ['--bogus']]) {
      const saved = ask(args, true);
      const plain = ask(args, false);
      expect(saved.stdout, args.join(' ')).toBe(plain.stdout);
      expect(saved.stderr).toBe(plain.stderr);
      expect(saved.status).toBe(plain.status);
    }
    expect(JSON.parse(ask(['--json', 'who sued openai'], true).stdout).results[0].title).toMatch(/Musk/);
  });

  it('builds the app from the data instead once a data file changed after the build, saying so in one line', () => {
    const file = join(copy, 'data', 'musk-openai', 'glosses.json');
    const glosses = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    const ref = Object.keys(glosses).find((r) => r !== 'p1')!;
    glosses[ref] = `${glosses[ref]} Quuxplorer`;
    writeFileSync(file, JSON.stringify(glosses));
    const { stdout, stderr, code } = blob(['/feud when quuxplorer']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^feud-bot: snapshot not used \(.*the data files changed since it was built\)/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stdout).toContain('Quuxplorer');
  });

  it('refuses, in one line, to run from a checkout other than the one it was built in', () => {
    const moved = mkdtempSync(join(tmpdir(), 'feud-moved-'));
    try {
      cpSync(join(copy, 'dist', 'feud.blob'), join(moved, 'feud.blob'));
      const { stderr, code } = blob([], ['--snapshot-blob', join(moved, 'feud.blob')]);
      expect(code).toBe(1);
      expect(stderr).toMatch(/^feud-bot: .*feud\.blob was built for .*; run npm run build here\n$/);
    } finally {
      rmSync(moved, { recursive: true, force: true });
    }
  });
});
