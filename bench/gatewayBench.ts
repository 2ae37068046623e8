// Gateway latency against the fake Discord: INTERACTION_CREATE sent → callback received, one at a time and in a burst,
// plus how long `npm start` takes from process start to a ready gateway session.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { InteractionResponseType } from 'discord.js';
import { createApp } from '../src/app.ts';
import { createGatewayBot } from '../src/discord/gatewayBot.ts';
import { createInteractionHandler } from '../src/interactions/handleInteraction.ts';
import { chatInput } from '../tests/fake-discord/payloads.ts';
import { startFakeDiscord, type FakeDiscord } from '../tests/fake-discord/server.ts';
import { REPO_ROOT } from '../tests/helpers/spawnBot.ts';
import { QUERY_MIX } from './coreBench.ts';
import { summarise } from './stats.ts';
import { isolatedEnv } from '../tests/helpers/isolatedEnv.ts';

export interface GatewayBenchOptions {
  /** Interactions sent one after another, each waiting for its callback. */
  sequential?: number;
  /** Interactions sent at once. */
  burst?: number;
  warmup?: number;
}

export interface GatewayBench {
  p50: number;
  p99: number;
  n: number;
  /** maxMs: the slowest callback of the burst; Discord drops an interaction not answered within 3 s. */
  burst: { sent: number; answered: number; maxMs: number };
  startToReadyMs: number;
}

const CALLBACK_TIMEOUT_MS = 10_000;
const START_TIMEOUT_MS = 30_000;

let userSeq = 1_600_000_000_000_000_000n;

function feud(i: number) {
  const [command, query] = QUERY_MIX[i % QUERY_MIX.length] ?? ['when', 'GPT-2'];
  return chatInput({
    subcommand: command,
    options: [{ name: 'query', value: query }],
    user: { id: String(userSeq++) },
  });
}

/** Dispatches one interaction and resolves with ms until the fake accepted its callback, or undefined if none came. */
async function roundTrip(fake: FakeDiscord, i: number): Promise<number | undefined> {
  const started = performance.now();
  const interaction = fake.dispatchInteraction(feud(i));
  try {
    const body = await fake.waitForCallback(interaction.id, CALLBACK_TIMEOUT_MS);
    return body.type === InteractionResponseType.ChannelMessageWithSource ? performance.now() - started : undefined;
  } catch {
    return undefined;
  }
}

export async function benchGateway(options: GatewayBenchOptions = {}): Promise<GatewayBench> {
  const { sequential = 500, burst = 200, warmup = 50 } = options;
  const fake = await startFakeDiscord();
  // No cooldown: this measures the transport, and every bench user would be limited after 5 anyway.
  const bot = createGatewayBot({
    token: fake.token,
    handle: createInteractionHandler(createApp()),
    log: () => undefined,
    apiBaseUrl: fake.apiBase,
  });
  try {
    await bot.start();
    await fake.waitForReady(1, START_TIMEOUT_MS);
    for (let i = 0; i < warmup; i++) await roundTrip(fake, i);

    const latencies: number[] = [];
    for (let i = 0; i < sequential; i++) {
      const ms = await roundTrip(fake, i);
      if (ms === undefined) throw new Error(`gateway bench: interaction ${i} got no reply`);
      latencies.push(ms);
    }
    const { p50, p99, n } = summarise(latencies);

    const burstResult = await sendBurst(fake, burst);
    const startToReadyMs = await measureStartToReady();
    return {
      p50,
      p99,
      n,
      burst: burstResult,
      startToReadyMs,
    };
  } finally {
    await bot.stop();
    await fake.stop();
  }
}

/**
 * Sends `count` interactions at once and watches the fake's request log with a single waiter: one waiter per
 * interaction would make the fake rescan its whole log for each of them on every request, and time that instead.
 */
async function sendBurst(fake: FakeDiscord, count: number): Promise<GatewayBench['burst']> {
  const sentAt = new Map<string, number>();
  const answeredAt = new Map<string, number>();
  const allAnswered = fake.waitForRequest((r) => {
    const id = r.path.split('/')[2] ?? '';
    const started = sentAt.get(id);
    const accepted = r.method === 'POST' && r.path.endsWith('/callback') && r.status < 300;
    if (accepted && started !== undefined && !answeredAt.has(id) && (r.body as { type?: unknown }).type === 4) {
      answeredAt.set(id, performance.now() - started);
    }
    return answeredAt.size === count;
  }, CALLBACK_TIMEOUT_MS);
  for (let i = 0; i < count; i++) {
    const payload = feud(i);
    sentAt.set(payload.id, performance.now());
    fake.dispatchInteraction(payload);
  }
  // A timeout leaves the unanswered out of the count, which is what the result reports.
  await allAnswered.catch(() => undefined);
  return { sent: count, answered: answeredAt.size, maxMs: Math.max(0, ...answeredAt.values()) };
}

/** `node dist/main.js` (what npm start runs) until the fake has sent READY to its IDENTIFY. */
async function measureStartToReady(): Promise<number> {
  const fake = await startFakeDiscord();
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: REPO_ROOT,
    env: isolatedEnv({
      LOG_LEVEL: 'warn',
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_BASE_URL: fake.apiBase,
    }),
    stdio: 'ignore',
  });
  try {
    await fake.waitForReady(1, START_TIMEOUT_MS);
    return performance.now() - started;
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await fake.stop();
  }
}
