// dist/ remembers what it was built from: a changed source stops the bundle; a touched or copied one does not.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { staleSource } from '../src/io/buildFreshness.ts';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A project with one source file and a dist/sources.json built from it `ageMs` ago. */
function builtProject(text: string, ageMs = 60_000): string {
  const root = mkdtempSync(join(tmpdir(), 'feud-fresh-'));
  roots.push(root);
  mkdirSync(join(root, 'src'));
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'src/a.ts'), text);
  const builtAt = Date.now() - ageMs;
  const sources = { 'src/a.ts': createHash('sha256').update(text).digest('hex') };
  writeFileSync(join(root, 'dist/sources.json'), JSON.stringify({ builtAt, sources }));
  const before = new Date(builtAt - 1_000);
  utimesSync(join(root, 'src/a.ts'), before, before);
  return root;
}

describe('staleSource', () => {
  it('is quiet for the sources dist/ was built from', () => {
    expect(staleSource(builtProject('export const a = 1;\n'), true)).toBeUndefined();
  });

  it('names a source whose content changed after the build', () => {
    const root = builtProject('export const a = 1;\n');
    writeFileSync(join(root, 'src/a.ts'), 'export const a = 2;\n');
    expect(staleSource(root, true)).toBe('src/a.ts');
  });

  it('lets a source that is only newer (touched, copied) through: its content is what was built', () => {
    const root = builtProject('export const a = 1;\n');
    const now = new Date();
    utimesSync(join(root, 'src/a.ts'), now, now);
    expect(staleSource(root, true)).toBeUndefined();
  });

  it('refuses a dist/ without its record, and a source that disappeared', () => {
    const root = builtProject('export const a = 1;\n');
    rmSync(join(root, 'src/a.ts'));
    expect(staleSource(root, true)).toBe('src/a.ts');
    rmSync(join(root, 'dist/sources.json'));
    expect(staleSource(root, true)).toBe('dist/sources.json');
  });

  it('never checks when running from source (tsx, vitest)', () => {
    const root = builtProject('x');
    writeFileSync(join(root, 'src/a.ts'), 'y');
    expect(staleSource(root, false)).toBeUndefined();
  });
});
