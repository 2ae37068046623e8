// Runs an entry point (src/main.ts, commands/deploy.ts, the ask CLI) as a child process with an environment built from scratch.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isolatedEnv } from './isolatedEnv.ts';

export const PROJECT_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** PATH and HOME only: a developer's DISCORD_* variables must not leak into a test. */
export const cleanEnv = isolatedEnv;

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  /** Written to stdin, which is then closed; stdin is empty otherwise. */
  input?: string;
  /** Kills a hung process so a broken entry point fails the test instead of stalling it. */
  timeoutMs?: number;
}

/** `node --import tsx <script> …args`, as `npm start` / `npm run deploy` run it. */
export const tsxArgs = (script: string, ...args: string[]): [string, string[]] => [
  process.execPath,
  ['--import', 'tsx', script, ...args],
];

/** `npm run --silent <script> -- …args`, exactly as the README tells people to type it. */
export const npmArgs = (script: string, ...args: string[]): [string, string[]] => [
  'npm',
  ['run', '--silent', script, '--', ...args],
];

export async function run([command, args]: [string, string[]], options: RunOptions = {}): Promise<Finished> {
  const child = spawn(command, args, { cwd: PROJECT_DIR, env: cleanEnv(options.env), stdio: 'pipe' });
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15_000);
  child.stdin.end(options.input ?? '');
  try {
    return await collect(child).exited;
  } finally {
    clearTimeout(timer);
  }
}

export interface Running {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has exited and its output is fully read. */
  exited: Promise<Finished>;
}

/** Starts a long-running process (the gateway bot); the caller stops it with child.kill(). */
export function start([command, args]: [string, string[]], env: Record<string, string>): Running {
  const child = spawn(command, args, { cwd: PROJECT_DIR, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  return { child, ...collect(child) };
}

function collect(child: ChildProcess): Omit<Running, 'child'> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
  // Decoded whole, so a multi-byte character split across chunks survives.
  const stdout = () => Buffer.concat(out).toString('utf8');
  const stderr = () => Buffer.concat(err).toString('utf8');
  const exited = new Promise<Finished>((resolve, reject) => {
    child.once('error', reject);
    // 'close' rather than 'exit': it waits until stdout and stderr are fully read.
    child.once('close', (code, signal) => resolve({ code, signal, stdout: stdout(), stderr: stderr() }));
  });
  return { stdout, stderr, exited };
}
