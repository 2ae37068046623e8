// HTTP mode end to end: the real handler behind the signed endpoint, in-process and as `npm start` would run it.
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { createInteractionHandler } from '../src/interactions/handleInteraction.ts';
import { autocomplete, button, chatInput, select } from './fake-discord/payloads.ts';
import { checkCallbackBody } from './fake-discord/schemas.ts';
import { generateSigningKeys, signRequest } from './helpers/signedRequest.ts';
import { startHttpInProcess } from './helpers/httpInProcess.ts';
import { freePort, spawnBot, type SpawnedBot } from './helpers/spawnBot.ts';

const keys = generateSigningKeys();
const app = createApp();
// The same handler, called directly: what every transport must send back.
const reference = createInteractionHandler(app);

let userSeq = 1_300_000_000_000_000_000n;
/** A fresh user for each test, so the per-user cooldown of one test never reaches into another. */
const newUser = () => ({ id: String(userSeq++) });

const startInProcess = () => startHttpInProcess(keys.publicKeyHex);

async function close(server: Server): Promise<void> {
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeAllConnections();
  await closed;
}

/** The parts of a callback body these tests look at; checkCallbackBody judges the whole. */
interface CallbackBody {
  type: number;
  data: { embeds?: unknown[]; choices?: unknown[]; content?: string; flags?: number };
}

interface Answer {
  status: number;
  text: string;
  json: CallbackBody;
}

async function post(base: string, body: string, headers = signRequest(keys.privateKey, body)): Promise<Answer> {
  const res = await fetch(`${base}/interactions`, { method: 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) as CallbackBody };
}

const postPayload = (base: string, payload: unknown) => post(base, JSON.stringify(payload));
const expected = (payload: unknown) => JSON.parse(JSON.stringify(reference(payload).response));

function customIds(message: unknown): string[] {
  return [...JSON.stringify(message).matchAll(/"custom_id":"([^"]+)"/g)].map((m) => m[1] ?? '');
}

const whenQuery = (query: string, user = newUser()) =>
  chatInput({ subcommand: 'when', options: [{ name: 'query', value: query }], user });

let a: { server: Server; base: string };
let b: { server: Server; base: string };

beforeAll(async () => {
  [a, b] = await Promise.all([startInProcess(), startInProcess()]);
});

afterAll(async () => {
  await Promise.all([close(a.server), close(b.server)]);
});

describe('HTTP mode with the real handler', () => {
  it('answers PING with PONG', async () => {
    expect(await postPayload(a.base, { type: 1, id: '1', application_id: '1', token: 't', version: 1 })).toMatchObject({
      status: 200,
      json: { type: 1 },
    });
  });

  it('answers a signed /feud when with an embed Discord would accept, the same one the handler gives', async () => {
    const payload = whenQuery('GPT-2');
    const answer = await postPayload(a.base, payload);
    expect(answer.status).toBe(200);
    expect(answer.json.type).toBe(4);
    expect(answer.json.data.embeds?.length).toBeGreaterThan(0);
    expect(JSON.stringify(answer.json)).toContain('GPT-2');
    expect(checkCallbackBody(answer.json)).toEqual([]);
    expect(answer.json).toEqual(expected(payload));
  });

  it('answers autocomplete with choices (type 8)', async () => {
    const payload = autocomplete({ subcommand: 'who', focused: { name: 'query', value: 'Alt' }, user: newUser() });
    const answer = await postPayload(a.base, payload);
    expect(answer.json.type).toBe(8);
    expect(answer.json.data.choices?.length).toBeGreaterThan(0);
    expect(checkCallbackBody(answer.json)).toEqual([]);
  });

  it('pages with the reply’s own button and menu (type 7 updates)', async () => {
    const user = newUser();
    const reply = await postPayload(a.base, whenQuery('lawsuit', user));
    const [next] = customIds(reply.json).filter((id) => id.startsWith('feud1:n:'));
    expect(next).toBeDefined();
    const pressed = await postPayload(a.base, button({ customId: next ?? '', user }));
    expect(pressed.json.type).toBe(7);
    expect(checkCallbackBody(pressed.json)).toEqual([]);
    expect(pressed.json.data.embeds?.[0]).not.toEqual(reply.json.data.embeds?.[0]);

    const [menu] = customIds(reply.json).filter((id) => id.startsWith('feud1:m:'));
    expect(menu).toBeDefined();
    const picked = await postPayload(a.base, select({ customId: menu ?? '', values: ['2'], user }));
    expect(picked.json.type).toBe(7);
    expect(checkCallbackBody(picked.json)).toEqual([]);
  });

  it('refuses the 6th command in 10 s from one user with an ephemeral “try again”, not the others', async () => {
    const user = newUser();
    for (let i = 0; i < 5; i++) {
      expect((await postPayload(a.base, whenQuery('Musk', user))).json.data.embeds).toBeDefined();
    }
    const refused = await postPayload(a.base, whenQuery('Musk', user));
    expect(refused.json).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
    expect(refused.json.data.content).toMatch(/^You are asking quickly: try again in (10|9) s\.$/);
    expect(checkCallbackBody(refused.json)).toEqual([]);
    const typing = autocomplete({ subcommand: 'when', focused: { name: 'query', value: 'Mu' }, user });
    expect((await postPayload(a.base, typing)).json.type).toBe(8);
    expect((await postPayload(a.base, whenQuery('Musk'))).json.data.embeds).toBeDefined();
  });

  it('shows the corpus size on GET /healthz', async () => {
    const res = await fetch(`${a.base}/healthz`);
    expect(res.status).toBe(200);
    const health = (await res.json()) as Record<string, unknown>;
    expect(health).toMatchObject({
      status: 'ok',
      paragraphs: app.corpus.paragraphs.length,
      quotes: app.corpus.quotes.length,
      version: app.version,
    });
    expect(health.paragraphs).toBeGreaterThan(0);
    expect(health.uptimeSeconds).toEqual(expect.any(Number));
  });
});

describe('two instances behind a load balancer', () => {
  it('answer the same signed request byte for byte', async () => {
    const body = JSON.stringify(whenQuery('马斯克'));
    const headers = signRequest(keys.privateKey, body);
    const [fromA, fromB] = await Promise.all([post(a.base, body, headers), post(b.base, body, headers)]);
    expect(fromA.status).toBe(200);
    expect(fromA.json.data.embeds?.length).toBeGreaterThan(0);
    expect(fromB.text).toBe(fromA.text);
  });

  it('page a reply made by the other instance', async () => {
    const user = newUser();
    const reply = await postPayload(a.base, whenQuery('lawsuit', user));
    const [next] = customIds(reply.json).filter((id) => id.startsWith('feud1:n:'));
    const click = JSON.stringify(button({ customId: next ?? '', user }));
    const headers = signRequest(keys.privateKey, click);
    const [onA, onB] = await Promise.all([post(a.base, click, headers), post(b.base, click, headers)]);
    expect(onB.json.type).toBe(7);
    expect(onB.text).toBe(onA.text);
  });
});

describe('load', () => {
  it('answers 1000 concurrent signed real commands, each with exactly the handler’s answer', async () => {
    const queries = [
      ['when', 'GPT-2'],
      ['who', 'Altman'],
      ['quote', 'Musk'],
      ['when', '马斯克'],
      ['who', 'OpenAI'],
      ['quote', 'xyzzy'],
      ['timeline', undefined],
    ] as const;
    const payloads = Array.from({ length: 1000 }, (_, i) => {
      const [subcommand, query] = queries[i % queries.length] ?? queries[0];
      const options = query === undefined ? [] : [{ name: 'query', value: query }];
      return chatInput({ subcommand, options, user: newUser(), locale: i % 2 ? 'zh-CN' : 'en-US' });
    });
    const answers = await Promise.all(payloads.map((payload) => postPayload(a.base, payload)));
    const problems = answers.flatMap((answer, i) => {
      if (answer.status !== 200) return [`#${i}: status ${answer.status}`];
      const issues = checkCallbackBody(answer.json).map((p) => `#${i}: ${p}`);
      return JSON.stringify(answer.json) === JSON.stringify(expected(payloads[i]))
        ? issues
        : [...issues, `#${i}: wrong`];
    });
    expect(problems).toEqual([]);
    expect(new Set(answers.map((answer) => answer.json.type))).toEqual(new Set([4]));
  });
});

describe('npm start in HTTP mode', () => {
  let bot: SpawnedBot;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // No DISCORD_TOKEN and no application id: the endpoint needs only the public key.
    bot = spawnBot({ DISCORD_PUBLIC_KEY: keys.publicKeyHex, PORT: String(port), HOST: '127.0.0.1' });
    await bot.waitForLine(/listening for interactions/);
  });

  afterAll(async () => {
    await bot.stop('SIGKILL');
  });

  it('serves the signed endpoint, refuses unsigned requests, and answers as the in-process instance does', async () => {
    expect(await postPayload(base, { type: 1, id: '1', application_id: '1', token: 't', version: 1 })).toMatchObject({
      json: { type: 1 },
    });
    const body = JSON.stringify(whenQuery('GPT-2'));
    expect((await post(base, body, { 'content-type': 'application/json' })).status).toBe(401);
    const headers = signRequest(keys.privateKey, body);
    const [spawned, inProcess] = await Promise.all([post(base, body, headers), post(a.base, body, headers)]);
    expect(spawned.status).toBe(200);
    expect(checkCallbackBody(spawned.json)).toEqual([]);
    expect(spawned.text).toBe(inProcess.text);
    const health = await fetch(`${base}/healthz`);
    expect(await health.json()).toMatchObject({ status: 'ok', paragraphs: app.corpus.paragraphs.length });
  });

  it('limits one user in the spawned process too, then exits 0 on SIGTERM', async () => {
    const user = newUser();
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await postPayload(base, whenQuery('Altman', user)));
    expect(answers.slice(0, 5).every((answer) => answer.json.data.embeds !== undefined)).toBe(true);
    expect(answers[5]?.json.data.content).toMatch(/^You are asking quickly: try again in (10|9) s\.$/);
    expect(await bot.stop('SIGTERM')).toBe(0);
    expect(bot.lines.some((line) => line.includes('shutting down'))).toBe(true);
  });
});
