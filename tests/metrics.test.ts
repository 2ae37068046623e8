// /metrics parses as Prometheus text and moves with interactions; /healthz follows the gateway session.
import type { AddressInfo } from 'node:net';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterEach, describe, expect, it } from 'vitest';
import { deferredMetrics } from '../src/ops/deferredMetrics.ts';
import { createMetrics } from '../src/ops/metrics.ts';
import { chatInput } from './fake-discord/payloads.ts';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/server.ts';
import { startHttpInProcess } from './helpers/httpInProcess.ts';
import { labelValues, scrape } from './helpers/prometheus.ts';
import { generateSigningKeys, signRequest } from './helpers/signedRequest.ts';
import { freePort, spawnBot, type SpawnedBot } from './helpers/spawnBot.ts';

const STARTUP_MS = 20_000;
const FOUND = { kind: 'command', subcommand: 'when', result: 'found' };
const NO_MATCH = { kind: 'command', subcommand: 'when', result: 'no_match' };
const INTERACTIONS = 'feud_interactions_total';

let fake: FakeDiscord | undefined;
let bot: SpawnedBot | undefined;

afterEach(async () => {
  await bot?.stop('SIGKILL');
  await fake?.stop();
  bot = undefined;
  fake = undefined;
});

let userSeq = 1_600_000_000_000_000_000n;
const user = () => ({ id: String(userSeq++) });
const whenQuery = (query: string, asker = user()) =>
  chatInput({ subcommand: 'when', options: [{ name: 'query', value: query }], user: asker });

async function untilHealth(base: string, status: number): Promise<unknown> {
  for (;;) {
    const res = await fetch(`${base}/healthz`).catch(() => undefined);
    if (res?.status === status) return res.json();
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function startGateway(vars: Record<string, string> = {}) {
  fake = await startFakeDiscord(vars.SHARD_COUNT ? { shards: 2, maxConcurrency: 2 } : {});
  const port = await freePort();
  bot = spawnBot({
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_BASE_URL: fake.apiBase,
    HEALTH_PORT: String(port),
    HOST: '127.0.0.1',
    ...vars,
  });
  return { fake, bot, base: `http://127.0.0.1:${port}` };
}

describe('gateway mode: HEALTH_PORT', { timeout: 40_000 }, () => {
  it('/metrics parses and its counters move with interactions; no query or user id in any label', async () => {
    const { fake, bot, base } = await startGateway();
    await bot.waitForLine(/connected to Discord/, STARTUP_MS);
    await untilHealth(base, 200);
    const before = await scrape(base);
    expect(before.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(before.value('feud_build_info', { mode: 'gateway' })).toBe(1);
    expect(before.value('feud_corpus_info')).toBe(1);

    const asker = user();
    const found = fake.dispatchInteraction(whenQuery('GPT-2', asker));
    await fake.waitForCallback(found.id);
    const missing = fake.dispatchInteraction(whenQuery('qwzxplk', asker));
    await fake.waitForCallback(missing.id);

    const after = await scrape(base);
    expect(after.value(INTERACTIONS, FOUND) - before.value(INTERACTIONS, FOUND)).toBe(1);
    expect(after.value(INTERACTIONS, NO_MATCH) - before.value(INTERACTIONS, NO_MATCH)).toBe(1);
    expect(after.value('feud_interaction_handle_seconds') - before.value('feud_interaction_handle_seconds')).toBe(2);
    const labels = labelValues(after.families);
    expect(labels.filter((v) => v.includes('GPT') || v.includes('qwzxplk') || v === asker.id)).toEqual([]);
  });

  it('/healthz goes 503 when Discord closes the session with 4004', async () => {
    const { fake, bot, base } = await startGateway();
    await bot.waitForLine(/connected to Discord/, STARTUP_MS);
    expect(await untilHealth(base, 200)).toMatchObject({ status: 'ready' });
    fake.closeGateway(4004);
    expect(await untilHealth(base, 503)).toMatchObject({ status: 'disconnected', shards: { 0: 'closed' } });
  });

  it('shards: the manager sums every shard into one /metrics, and is ready only with both shards up', async () => {
    const { fake, bot, base } = await startGateway({ SHARD_COUNT: '2' });
    await bot.waitForLines(/ shard process ready /, 2, STARTUP_MS);
    expect(await untilHealth(base, 200)).toMatchObject({ shards: { 0: 'ready', 1: 'ready' } });
    const before = await scrape(base);
    for (const shard of [0, 1]) await fake.waitForCallback(fake.dispatchInteraction(whenQuery('GPT-2'), shard).id);
    const after = await scrape(base);
    expect(after.value(INTERACTIONS, FOUND) - before.value(INTERACTIONS, FOUND)).toBe(2);
    expect(after.value('feud_build_info', { mode: 'shard' })).toBe(1);
    fake.closeGateway(4004, 1);
    await untilHealth(base, 503);
  });
});

/** HTTP mode in this process, with a signed POST of one /feud when; closed after `check`. */
async function withHttpMode(check: (base: string, post: () => Promise<number>) => Promise<void>): Promise<void> {
  const keys = generateSigningKeys();
  const { server, base } = await startHttpInProcess(keys.publicKeyHex);
  const post = async () => {
    const body = JSON.stringify(whenQuery('GPT-2'));
    const res = await fetch(`${base}/interactions`, {
      method: 'POST',
      body,
      headers: signRequest(keys.privateKey, body),
    });
    return res.status;
  };
  try {
    expect((server.address() as AddressInfo).port).toBeGreaterThan(0);
    await check(base, post);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('HTTP mode: /metrics on PORT', () => {
  it('counts a signed interaction by result', () =>
    withHttpMode(async (base, post) => {
      const before = await scrape(base);
      expect(await post()).toBe(200);
      const after = await scrape(base);
      expect(after.value(INTERACTIONS, FOUND) - before.value(INTERACTIONS, FOUND)).toBe(1);
      expect(after.value('feud_build_info', { mode: 'http' })).toBe(1);
    }));
});

describe('deferredMetrics (HTTP mode loads prom-client after its first answer)', () => {
  it('counts what happened before prom-client loaded, once, and serves the text once it has', async () => {
    let loaded: (m: ReturnType<typeof createMetrics>) => void = () => undefined;
    const sink = deferredMetrics(
      () => new Promise((resolve) => (loaded = resolve)),
      (error) => expect.unreachable(String(error)),
    );
    const command = { kind: 'command', subcommand: 'when', results: 2, answer: 'found' } as const;
    sink.interaction(command, 0.001);
    sink.interaction(command, 0.001);
    const text = sink.text();
    loaded(createMetrics({ mode: 'http', defaults: false }));
    sink.interaction(command, 0.001);
    const families = parsePrometheusTextFormat(await text);
    const found = families
      .find((f) => f.name === 'feud_interactions_total')
      ?.metrics.find((m) => m.labels?.result === 'found');
    expect(Number(found?.value)).toBe(3);
  });

  it('reports a failed load to its error sink, never as a rejection, and loads on the next scrape', async () => {
    const errors: unknown[] = [];
    let loads = 0;
    const sink = deferredMetrics(
      () => {
        loads += 1;
        return loads === 1
          ? Promise.reject(new Error('prom-client is missing'))
          : Promise.resolve(createMetrics({ mode: 'http', defaults: false }));
      },
      (error) => errors.push(error),
    );
    const command = { kind: 'command', subcommand: 'who', results: 1, answer: 'found' } as const;
    sink.interaction(command, 0.001);
    await new Promise((resolve) => setImmediate(resolve));
    await sink.close();
    expect(errors.map((e) => (e as Error).message)).toEqual(['prom-client is missing']);
    const families = parsePrometheusTextFormat(await sink.text());
    expect(loads).toBe(2);
    const found = families
      .find((f) => f.name === 'feud_interactions_total')
      ?.metrics.find((m) => m.labels?.result === 'found');
    expect(Number(found?.value)).toBe(1);
  });

  it('starts no load once closed, and close waits for a load already under way', async () => {
    let loads = 0;
    let loaded: (m: ReturnType<typeof createMetrics>) => void = () => undefined;
    const sink = deferredMetrics(
      () => {
        loads += 1;
        return new Promise((resolve) => (loaded = resolve));
      },
      (error) => expect.unreachable(String(error)),
    );
    const command = { kind: 'command', subcommand: 'who', results: 1, answer: 'found' } as const;
    sink.interaction(command, 0.001);
    await new Promise((resolve) => setImmediate(resolve));
    let closed = false;
    const closing = sink.close().then(() => (closed = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    loaded(createMetrics({ mode: 'http', defaults: false }));
    await closing;
    expect(closed).toBe(true);

    const idle = deferredMetrics(
      () => {
        loads += 1;
        return Promise.resolve(createMetrics({ mode: 'http', defaults: false }));
      },
      (error) => expect.unreachable(String(error)),
    );
    await idle.close();
    idle.interaction(command, 0.001);
    await new Promise((resolve) => setImmediate(resolve));
    expect(loads).toBe(1);
  });

  it('in HTTP mode, counts the very first interaction, answered before anything was scraped', () =>
    withHttpMode(async (base, post) => {
      expect(await post()).toBe(200);
      expect((await scrape(base)).value(INTERACTIONS, FOUND)).toBe(1);
    }));
});

describe('createMetrics', () => {
  it('maps each outcome to its result and keeps labels to closed sets', async () => {
    const metrics = createMetrics({ mode: 'http', defaults: false });
    const command = { kind: 'command', subcommand: 'when', results: 0 } as const;
    metrics.interaction({ ...command, results: 2, answer: 'found' }, 0.001);
    metrics.interaction({ ...command, answer: 'notFound' }, 0.001);
    metrics.interaction({ ...command, answer: 'invalid' }, 0.001);
    metrics.interaction({ ...command, cooldown: 4 }, 0.001);
    metrics.interaction({ ...command, results: 2, answer: 'found' }, 0.001, true);
    // A subcommand Discord never registered (a forged payload) is not a new label value.
    metrics.interaction({ ...command, subcommand: 'DROP TABLE', answer: 'notFound' }, 0.001);
    const families = parsePrometheusTextFormat(await metrics.text());
    const samples = families.find((f) => f.name === 'feud_interactions_total')?.metrics ?? [];
    const count = (result: string, subcommand = 'when') =>
      Number(samples.find((m) => m.labels?.result === result && m.labels.subcommand === subcommand)?.value ?? 0);
    expect([count('found'), count('no_match'), count('invalid'), count('cooldown'), count('error')]).toEqual([
      1, 1, 1, 1, 1,
    ]);
    expect(count('no_match', '')).toBe(1);
    expect(labelValues(families)).not.toContain('DROP TABLE');
  });
});
