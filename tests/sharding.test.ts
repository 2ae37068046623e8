// Gateway sharding end to end: `npm start` with SHARD_COUNT runs discord.js's ShardingManager against the fake.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { chatInput } from './fake-discord/payloads.ts';
import { checkCallbackBody } from './fake-discord/schemas.ts';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/server.ts';
import { isRunning, logField, spawnBot, type SpawnedBot } from './helpers/spawnBot.ts';

const STARTUP_MS = 20_000;
const ANSWER_MS = 10_000;

let fake: FakeDiscord | undefined;
let bot: SpawnedBot | undefined;

afterEach(async () => {
  await bot?.stop('SIGKILL');
  await fake?.stop();
  bot = undefined;
  fake = undefined;
});

async function startSharded(shardCount: string): Promise<{ fake: FakeDiscord; bot: SpawnedBot }> {
  fake = await startFakeDiscord({ shards: 2, maxConcurrency: 2 });
  bot = spawnBot({
    SHARD_COUNT: shardCount,
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_BASE_URL: fake.apiBase,
  });
  return { fake, bot };
}

let userSeq = 1_400_000_000_000_000_000n;

/** Dispatches a /feud when on the shard and resolves with the accepted callback body. */
async function askOn(on: FakeDiscord, shardId: number, query: string) {
  const user = { id: String(userSeq++) };
  const interaction = on.dispatchInteraction(
    chatInput({ subcommand: 'when', options: [{ name: 'query', value: query }], user }),
    shardId,
  );
  return on.waitForCallback(interaction.id, ANSWER_MS);
}

const sortedShards = (on: FakeDiscord) => on.identifies.map((identify) => identify.shard).sort();

/** The pid the manager logged for the shard's latest process. */
function shardPids(lines: readonly string[], shardId: number): number[] {
  return lines
    .filter((line) => line.includes(' shard spawned ') && logField(line, 'shard') === String(shardId))
    .map((line) => Number(logField(line, 'pid')));
}

function parentOf(pid: number): number {
  // "pid (comm) state ppid …": the fields after the last ')' start with the state.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

describe('npm start with SHARD_COUNT', { timeout: 40_000 }, () => {
  it('auto: runs the recommended two shards, respawns one that is killed, and stops cleanly on SIGTERM', async () => {
    const { fake, bot } = await startSharded('auto');
    await fake.waitForIdentify(2, STARTUP_MS);
    expect(sortedShards(fake)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    await bot.waitForLines(/ shard health .*alive=true ready=true/, 2, STARTUP_MS);

    for (const shardId of [0, 1]) {
      const body = await askOn(fake, shardId, 'GPT-2');
      expect(body.type).toBe(4);
      expect(checkCallbackBody(body)).toEqual([]);
    }

    const [first] = shardPids(bot.lines, 1);
    expect(first).toBeGreaterThan(0);
    expect(parentOf(first ?? 0)).toBe(bot.child.pid);
    process.kill(first ?? 0, 'SIGKILL');

    await bot.waitForLine(/ shard died shard=1 .*signal=SIGKILL/, ANSWER_MS);
    await bot.waitForLine(/ shard died; respawning shard=1 /, ANSWER_MS);
    const identifies = await fake.waitForIdentify(3, STARTUP_MS);
    expect(identifies[2]?.shard).toEqual([1, 2]);
    const [, second] = shardPids(bot.lines, 1);
    expect(second).toBeGreaterThan(0);
    expect(second).not.toBe(first);
    expect(isRunning(first ?? 0)).toBe(false);

    const again = await askOn(fake, 1, 'Altman');
    expect(again.type).toBe(4);
    expect(checkCallbackBody(again)).toEqual([]);
    // Shard 0 never noticed.
    expect(fake.identifies.filter((identify) => identify.shardId === 0)).toHaveLength(1);
    expect(checkCallbackBody(await askOn(fake, 0, 'Musk'))).toEqual([]);

    const shard0 = shardPids(bot.lines, 0)[0] ?? 0;
    expect(await bot.stop('SIGTERM')).toBe(0);
    expect(isRunning(shard0)).toBe(false);
    expect(isRunning(second ?? 0)).toBe(false);
    expect(bot.lines.filter((line) => line.includes(' shard stopped '))).toHaveLength(2);
  });

  it('2: runs exactly the two shards asked for, each answering its own interactions', async () => {
    const { fake, bot } = await startSharded('2');
    await fake.waitForIdentify(2, STARTUP_MS);
    expect(sortedShards(fake)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const bodies = await Promise.all([askOn(fake, 0, 'OpenAI'), askOn(fake, 1, '马斯克')]);
    for (const body of bodies) expect(checkCallbackBody(body)).toEqual([]);
    expect(JSON.stringify(bodies[1])).not.toBe(JSON.stringify(bodies[0]));
    const pids = [...shardPids(bot.lines, 0), ...shardPids(bot.lines, 1)];
    expect(pids).toHaveLength(2);
    expect(await bot.stop('SIGTERM')).toBe(0);
    expect(pids.filter(isRunning)).toEqual([]);
  });

  it('a manager killed outright takes its shards with it: none is left holding a session', async () => {
    const { fake, bot } = await startSharded('auto');
    await fake.waitForIdentify(2, STARTUP_MS);
    await bot.waitForLines(/ shard spawned /, 2, STARTUP_MS);
    const pids = [...shardPids(bot.lines, 0), ...shardPids(bot.lines, 1)];
    expect(pids.filter(isRunning)).toHaveLength(2);
    expect(await bot.stop('SIGKILL')).toBe('SIGKILL');
    await expect.poll(() => pids.filter(isRunning), { timeout: ANSWER_MS }).toEqual([]);
    await expect.poll(() => fake.isShardLive(0) || fake.isShardLive(1), { timeout: ANSWER_MS }).toBe(false);
  });

  it('a shard count Discord refuses: exits 1 with the reason and leaves no shard running', async () => {
    const { fake, bot } = await startSharded('3');
    expect(await bot.exit).toBe(1);
    expect(fake.gatewayEvents).toContainEqual(expect.objectContaining({ kind: 'identify-rejected', closeCode: 4010 }));
    expect(bot.lines.at(-1)).toMatch(/^feud-bot: could not start the shards: /);
    expect(shardPids(bot.lines, 0).filter(isRunning)).toEqual([]);
  });
});
