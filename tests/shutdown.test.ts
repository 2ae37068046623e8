// SIGTERM to `npm start` (what a process manager sends) with an interaction in flight: answered, every process gone, exit 0.
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { chatInput } from './fake-discord/payloads.ts';
import { checkCallbackBody } from './fake-discord/schemas.ts';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/server.ts';
import { generateSigningKeys, signRequest } from './helpers/signedRequest.ts';
import { NPM_START, descendants, freePort, isRunning, spawnBot, type SpawnedBot } from './helpers/spawnBot.ts';

const STARTUP_MS = 20_000;

let fake: FakeDiscord | undefined;
let bot: SpawnedBot | undefined;

afterEach(async () => {
  await bot?.stop('SIGKILL');
  await fake?.stop();
  bot = undefined;
  fake = undefined;
});

let userSeq = 1_500_000_000_000_000_000n;
const whenQuery = (query: string) =>
  chatInput({ subcommand: 'when', options: [{ name: 'query', value: query }], user: { id: String(userSeq++) } });

const isCallback = (id: string) => (r: { method: string; path: string }) =>
  r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`) && r.path.endsWith('/callback');

async function healthStatus(port: number): Promise<number> {
  return (await fetch(`http://127.0.0.1:${port}/healthz`)).status;
}

/** Polls /healthz until it answers `status`; the test's own timeout bounds the wait. */
async function untilHealth(port: number, status: number): Promise<void> {
  while ((await healthStatus(port).catch(() => 0)) !== status) await new Promise((r) => setTimeout(r, 50));
}

describe('SIGTERM to npm start', { timeout: 40_000 }, () => {
  it('gateway: answers the interaction in flight, closes the session, and every process exits 0', async () => {
    fake = await startFakeDiscord();
    const healthPort = await freePort();
    bot = spawnBot(
      {
        DISCORD_TOKEN: fake.token,
        DISCORD_APPLICATION_ID: fake.applicationId,
        DISCORD_API_BASE_URL: fake.apiBase,
        HEALTH_PORT: String(healthPort),
        HOST: '127.0.0.1',
      },
      NPM_START,
    );
    await bot.waitForLine(/connected to Discord/, STARTUP_MS);
    await untilHealth(healthPort, 200);
    // npm → node with nothing between: the bot is npm's only child.
    const pid = bot.child.pid ?? 0;
    const tree = descendants(pid);
    expect(tree).toHaveLength(1);

    const interaction = whenQuery('GPT-2');
    const hold = fake.holdNext(isCallback(interaction.id));
    fake.dispatchInteraction(interaction);
    await hold.arrived;
    bot.child.kill('SIGTERM');
    await bot.waitForLine(/shutting down/);
    // Draining: not ready for new work, but the callback in flight still goes through.
    await untilHealth(healthPort, 503);
    hold.release();
    const body = await fake.waitForCallback(interaction.id);
    expect(checkCallbackBody(body)).toEqual([]);
    expect(body.type).toBe(4);
    expect(await bot.exit).toBe(0);
    expect([pid, ...tree].filter((p) => isRunning(p))).toEqual([]);
    // The session was closed, not dropped: Discord takes the bot offline at once.
    expect(fake.isShardLive(0)).toBe(false);
  });

  it('HTTP mode: /healthz says 503 while the request in flight is finished and answered, then exit 0', async () => {
    const keys = generateSigningKeys();
    const port = await freePort();
    bot = spawnBot({ DISCORD_PUBLIC_KEY: keys.publicKeyHex, PORT: String(port), HOST: '127.0.0.1' }, NPM_START);
    await bot.waitForLine(/listening for interactions/, STARTUP_MS);
    const tree = [bot.child.pid ?? 0, ...descendants(bot.child.pid ?? 0)];
    expect(tree).toHaveLength(2);

    // A request whose body is still arriving when the signal comes: in flight.
    const body = Buffer.from(JSON.stringify(whenQuery('GPT-2')));
    const headers = { ...signRequest(keys.privateKey, body), 'content-length': String(body.length) };
    let inFlight: ReturnType<typeof request> | undefined;
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/interactions', method: 'POST', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.write(body.subarray(0, 10));
      inFlight = req;
    });
    // The server has the request once /healthz, on another connection, is served after it.
    await untilHealth(port, 200);

    bot.child.kill('SIGTERM');
    await bot.waitForLine(/shutting down/);
    expect(await healthStatus(port)).toBe(503);
    inFlight?.end(body.subarray(10));
    const { status, text } = await answer;
    expect(status).toBe(200);
    expect(checkCallbackBody(JSON.parse(text))).toEqual([]);
    expect(await bot.exit).toBe(0);
    expect(tree.filter((p) => isRunning(p))).toEqual([]);
  });

  it('shards: the manager drains each shard, the interaction in flight is answered, every process exits 0', async () => {
    fake = await startFakeDiscord({ shards: 2, maxConcurrency: 2 });
    bot = spawnBot(
      {
        SHARD_COUNT: '2',
        DISCORD_TOKEN: fake.token,
        DISCORD_APPLICATION_ID: fake.applicationId,
        DISCORD_API_BASE_URL: fake.apiBase,
      },
      NPM_START,
    );
    await bot.waitForLines(/ shard process ready /, 2, STARTUP_MS);
    const tree = [bot.child.pid ?? 0, ...descendants(bot.child.pid ?? 0)];
    // npm, the manager and two shards.
    expect(tree).toHaveLength(4);

    const interaction = whenQuery('Altman');
    const hold = fake.holdNext(isCallback(interaction.id));
    fake.dispatchInteraction(interaction, 1);
    await hold.arrived;
    bot.child.kill('SIGTERM');
    await bot.waitForLine(/shutting down/);
    hold.release();
    expect(checkCallbackBody(await fake.waitForCallback(interaction.id))).toEqual([]);
    expect(await bot.exit).toBe(0);
    expect(tree.filter((p) => isRunning(p))).toEqual([]);
  });
});
