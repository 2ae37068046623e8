// Runs `node --import tsx src/main.ts` as npm start does, with only the environment the caller gives, and reads its log.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { isolatedEnv } from './isolatedEnv.ts';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface SpawnedBot {
  child: ChildProcess;
  /** Every stderr and stdout line so far (the log goes to stderr; shards' logs come through the same pipe). */
  readonly lines: readonly string[];
  /** Resolves with the first line, past or future, that matches; rejects on timeout or exit. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves once `count` lines, past or future, match. */
  waitForLines(pattern: RegExp, count: number, timeoutMs?: number): Promise<string[]>;
  /** Resolves with the exit code (or the signal name if it died of one). */
  readonly exit: Promise<number | string>;
  /** Sends the signal and resolves with the exit code (or the signal name if it died of one). */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

/** `npm start` exactly as a user or a process manager runs it (the compiled dist/main.js under npm). */
export const NPM_START: [string, string[]] = ['npm', ['start', '--silent']];

export function spawnBot(
  env: Record<string, string>,
  [command, args]: [string, string[]] = [process.execPath, ['--import', 'tsx', 'src/main.ts']],
): SpawnedBot {
  // No inherited DISCORD_* or .env surprises: only PATH and what the test sets.
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env: isolatedEnv({ LOG_LEVEL: 'info', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const listeners = new Set<() => void>();
  let exited = false;
  const onData = (() => {
    let partial = '';
    return (chunk: Buffer) => {
      const text = partial + chunk.toString('utf8');
      const parts = text.split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts);
      for (const listener of [...listeners]) listener();
    };
  })();
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exit = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = true;
      for (const listener of [...listeners]) listener();
      resolve(code ?? signal ?? 'unknown');
    });
  });

  function waitForLines(pattern: RegExp, count: number, timeoutMs = 15_000): Promise<string[]> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = lines.filter((line) => pattern.test(line));
        if (found.length >= count) {
          done();
          resolve(found);
          return true;
        }
        if (exited) {
          done();
          reject(new Error(`bot exited before logging ${count} × ${pattern}; log:\n${lines.join('\n')}`));
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out waiting for ${count} × ${pattern}; log:\n${lines.join('\n')}`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        listeners.delete(listener);
      };
      const listener = (): void => void check();
      if (!check()) listeners.add(listener);
    });
  }

  return {
    child,
    lines,
    exit,
    waitForLines,
    waitForLine: async (pattern, timeoutMs) => (await waitForLines(pattern, 1, timeoutMs))[0] ?? '',
    async stop(signal = 'SIGTERM') {
      if (!exited) child.kill(signal);
      return exit;
    },
  };
}

/** A port nothing listens on right now, for a child process that cannot be told to use port 0. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The value of `key=value` in a log line. */
export function logField(line: string, key: string): string | undefined {
  return new RegExp(`\\s${key}=(\\S+)`).exec(line)?.[1];
}

/** Every live process below pid (children, grandchildren, …), from /proc. */
export function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid …": the fields after the last ')' start with the state.
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const [child, of] of parents) {
      if (of === parent && !found.includes(child)) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

/** Whether a process with this pid exists and is not a zombie waiting to be reaped. */
export function isRunning(pid: number): boolean {
  try {
    // Signal 0 checks for existence without sending anything.
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // The state follows the parenthesised command name: "1234 (node) S …"; Z is a zombie.
    return !/\)\s+Z\s/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}
