// A bundle older than its sources (a git pull without npm ci or npm run build) must not start: one line instead.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './readData.ts';

const BUNDLED = import.meta.url.endsWith('.js');

/** The first source file changed since dist/ was built, or undefined (always undefined when running from source). */
export function staleSource(root: string = PROJECT_ROOT, bundled = BUNDLED): string | undefined {
  if (!bundled) return undefined;
  let built: { builtAt: number; sources: Record<string, string> };
  try {
    built = JSON.parse(readFileSync(join(root, 'dist', 'sources.json'), 'utf8')) as typeof built;
  } catch {
    return 'dist/sources.json';
  }
  for (const [source, sha256] of Object.entries(built.sources)) {
    try {
      const path = join(root, source);
      // A stat is enough unless the file looks newer (edited, or merely copied): then its content decides.
      if (statSync(path).mtimeMs <= built.builtAt) continue;
      if (createHash('sha256').update(readFileSync(path)).digest('hex') !== sha256) return source;
    } catch {
      return source;
    }
  }
  return undefined;
}
