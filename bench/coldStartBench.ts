// Cold starts and steady state against floors measured in the same run: each figure is a ratio to its floor.
// Like for like: `npm start` against a floor also started through npm, the compiled entry against a floor under node.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { chatInput } from '../tests/fake-discord/payloads.ts';
import { startFakeDiscord, type FakeDiscord } from '../tests/fake-discord/server.ts';
import { isolatedEnv } from '../tests/helpers/isolatedEnv.ts';
import { generateSigningKeys, signRequest, type SigningKeys } from '../tests/helpers/signedRequest.ts';
import { REPO_ROOT, freePort } from '../tests/helpers/spawnBot.ts';
import { percentile } from './stats.ts';

type Command = [string, string[]];

const npmRun = (script: string, ...args: string[]): Command => [
  'npm',
  ['run', '--silent', script, ...(args.length > 0 ? ['--', ...args] : [])],
];
const node = (...args: string[]): Command => [process.execPath, args];
const STARTUP = ['--snapshot-blob', 'dist/feud.blob'];

export const ENTRIES = {
  httpNpm: { project: npmRun('start'), floor: npmRun('floor:http') },
  // The entry the README gives process managers: the startup snapshot, as `npm start` runs it.
  httpNode: { project: node(...STARTUP), floor: node('bench/floors/httpFloor.mjs') },
  gatewayNpm: { project: npmRun('start'), floor: npmRun('floor:echo') },
  gatewayNode: { project: node(...STARTUP), floor: node('bench/floors/echoBot.mjs') },
  askNpm: { project: npmRun('ask', 'who', 'altman'), floor: npmRun('floor:noop') },
  askNode: { project: node(...STARTUP, 'ask', 'who', 'altman'), floor: node('-e', '0') },
} satisfies Record<string, { project: Command; floor: Command }>;

export interface Comparison {
  label: string;
  project: number;
  floor: number;
  unit: 'ms' | 'MB';
  /** The ratio project / floor must be at most this. */
  target: number;
}

const ATTEMPT_EVERY_MS = 5;
const START_TIMEOUT_MS = 30_000;
const CALLBACK_TIMEOUT_MS = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let userSeq = 1_700_000_000_000_000_000n;
const feud = (query = 'GPT-2') =>
  chatInput({ subcommand: 'when', options: [{ name: 'query', value: query }], user: { id: String(userSeq++) } });

function launch([command, args]: Command, env: Record<string, string>): ChildProcess {
  const vars = isolatedEnv({ LOG_LEVEL: 'warn', COOLDOWN_ANSWERS: '0', ...env });
  // The echo bot is plain discord.js, which refuses a blank SHARD_COUNT (the bot itself drops it).
  delete vars.SHARD_COUNT;
  return spawn(command, args, { cwd: REPO_ROOT, env: vars, stdio: 'ignore' });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(killer);
}

/** One signed POST; resolves with the status, or 0 if nothing listens yet. */
function postSigned(port: number, keys: SigningKeys, payload: unknown, agent?: Agent): Promise<number> {
  const body = JSON.stringify(payload);
  const headers = { ...signRequest(keys.privateKey, body), 'content-length': String(Buffer.byteLength(body)) };
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: '/interactions', headers, agent: agent ?? false },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

interface HttpProcess {
  child: ChildProcess;
  port: number;
  firstAnswerMs: number;
}

async function startHttp(command: Command, keys: SigningKeys): Promise<HttpProcess> {
  const port = await freePort();
  const started = performance.now();
  const child = launch(command, { DISCORD_PUBLIC_KEY: keys.publicKeyHex, PORT: String(port), HOST: '127.0.0.1' });
  while ((await postSigned(port, keys, feud())) !== 200) {
    if (child.exitCode !== null) throw new Error(`${command.join(' ')} exited before answering`);
    if (performance.now() - started > START_TIMEOUT_MS) throw new Error(`${command.join(' ')} never answered`);
    await sleep(ATTEMPT_EVERY_MS);
  }
  return { child, port, firstAnswerMs: performance.now() - started };
}

/** Spawn → the fake Discord accepts the process's IDENTIFY. */
async function identifyMs(command: Command): Promise<number> {
  const fake = await startFakeDiscord();
  const started = performance.now();
  const child = launch(command, gatewayEnv(fake));
  try {
    await fake.waitForIdentify(1, START_TIMEOUT_MS);
    return performance.now() - started;
  } finally {
    await stop(child);
    await fake.stop();
  }
}

const gatewayEnv = (fake: FakeDiscord) => ({
  DISCORD_TOKEN: fake.token,
  DISCORD_APPLICATION_ID: fake.applicationId,
  DISCORD_API_BASE_URL: fake.apiBase,
});

async function runToExitMs(command: Command): Promise<number> {
  const started = performance.now();
  const child = launch(command, {});
  await new Promise((resolve) => child.once('exit', resolve));
  return performance.now() - started;
}

function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime, fields 14 and 15 of /proc/pid/stat, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

/** CPU ms the server spends per signed request, over `count` requests 8 at a time after as many unmeasured; and its RSS after idling. */
async function httpSteadyState(command: Command, keys: SigningKeys, count: number) {
  const server = await startHttp(command, keys);
  const pid = server.child.pid ?? 0;
  try {
    // The memory figure is the idle process after its first answer: what a scaled-out instance sits at.
    await sleep(3_000);
    const idleRssMb = rssMb(pid);
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const send = async (count: number) => {
      const payloads = Array.from({ length: count }, (_, i) => feud(QUERIES[i % QUERIES.length]));
      let next = 0;
      const worker = async () => {
        while (next < payloads.length) {
          const status = await postSigned(server.port, keys, payloads[next++], agent);
          if (status !== 200) throw new Error(`HTTP steady state: status ${status}`);
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
    };
    // Steady state: the process's CPU includes V8's compiler threads, busy for the first few thousand
    // requests (see coreBench.ts); both sides get the same warm-up before the CPU is read.
    await send(count);
    const before = cpuMs(pid);
    await send(count);
    const perRequestMs = (cpuMs(pid) - before) / count;
    agent.destroy();
    return { idleRssMb, perRequestMs };
  } finally {
    await stop(server.child);
  }
}

const QUERIES = ['GPT-2', 'when did musk leave the board', '诉讼', 'lawsiut', 'ChatGPT', 'microsoft billion'];

/** Sequential INTERACTION_CREATE → accepted callback, p50 in ms, for a bot process against the fake. */
export async function dispatchP50(command: Command, count: number): Promise<number> {
  const fake = await startFakeDiscord();
  const child = launch(command, gatewayEnv(fake));
  try {
    await fake.waitForReady(1, START_TIMEOUT_MS);
    // discord.js emits its ready only after the guild wait; give either bot time to settle.
    await sleep(500);
    const latencies: number[] = [];
    for (let i = 0; i < count + 20; i++) {
      const started = performance.now();
      const interaction = fake.dispatchInteraction(feud(QUERIES[i % QUERIES.length]));
      await fake.waitForCallback(interaction.id, CALLBACK_TIMEOUT_MS);
      if (i >= 20) latencies.push(performance.now() - started);
    }
    return percentile(
      latencies.sort((a, b) => a - b),
      50,
    );
  } finally {
    await stop(child);
    await fake.stop();
  }
}

const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );

/** Runs project and floor alternately `rounds` times and compares medians. */
async function interleaved(
  rounds: number,
  measure: (which: 'project' | 'floor') => Promise<number>,
): Promise<{ project: number; floor: number }> {
  const project: number[] = [];
  const floor: number[] = [];
  for (let r = 0; r < rounds; r++) {
    // Alternate who goes first, so neither always meets a machine the other just warmed (or loaded).
    const order: ('project' | 'floor')[] = r % 2 === 0 ? ['project', 'floor'] : ['floor', 'project'];
    for (const which of order) (which === 'project' ? project : floor).push(await measure(which));
  }
  return { project: median(project), floor: median(floor) };
}

export async function benchColdStart(rounds = 5): Promise<Comparison[]> {
  const keys = generateSigningKeys();
  const out: Comparison[] = [];
  const firstAnswer = async (command: Command) => {
    const server = await startHttp(command, keys);
    await stop(server.child);
    return server.firstAnswerMs;
  };
  for (const [label, key] of [
    ['HTTP first answer, npm start', 'httpNpm'],
    ['HTTP first answer, node --snapshot-blob', 'httpNode'],
  ] as const) {
    const r = await interleaved(rounds, (which) => firstAnswer(ENTRIES[key][which]));
    out.push({ label, ...r, unit: 'ms', target: 3 });
  }
  for (const [label, key] of [
    ['gateway IDENTIFY, npm start', 'gatewayNpm'],
    ['gateway IDENTIFY, node --snapshot-blob', 'gatewayNode'],
  ] as const) {
    const r = await interleaved(rounds, (which) => identifyMs(ENTRIES[key][which]));
    out.push({ label, ...r, unit: 'ms', target: 1.2 });
  }
  for (const [label, key] of [
    ['ask one query, npm run ask', 'askNpm'],
    ['ask one query, node --snapshot-blob', 'askNode'],
  ] as const) {
    const r = await interleaved(rounds, (which) => runToExitMs(ENTRIES[key][which]));
    out.push({ label, ...r, unit: 'ms', target: 4 });
  }

  // Interleaved rounds, medians: CPU is read in 10 ms clock ticks and a shared machine's load comes and goes.
  type Steady = { perRequestMs: number; idleRssMb: number };
  const steady: Record<'project' | 'floor', Steady[]> = { project: [], floor: [] };
  const cpu = await interleaved(3, async (which) => {
    const run = await httpSteadyState(ENTRIES.httpNode[which], keys, 3_000);
    steady[which].push(run);
    return run.perRequestMs;
  });
  out.push({ label: 'HTTP server CPU per request', ...cpu, unit: 'ms', target: 1.5 });
  const rss = (runs: Steady[]) => median(runs.map((r) => r.idleRssMb));
  out.push({
    label: 'HTTP mode idle RSS',
    project: rss(steady.project),
    floor: rss(steady.floor),
    unit: 'MB',
    target: 2,
  });

  const dispatch = await interleaved(3, (which) => dispatchP50(ENTRIES.gatewayNode[which], 300));
  out.push({ label: 'gateway dispatch → callback p50', ...dispatch, unit: 'ms', target: 1.2 });
  return out;
}
