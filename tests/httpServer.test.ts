import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairSync, sign } from 'node:crypto';
import { request } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InteractionResponseType, type APIInteractionResponse } from 'discord.js';
import { HANDLER_FAILURE_RESPONSE, createInteractionsServer } from '../src/discord/httpServer.ts';
import type { LogLevel } from '../src/discord/httpServer.ts';
import { publicKeyFromHex, verifyDiscordRequest } from '../src/discord/verifySignature.ts';
import { generateSigningKeys, signRequest } from './helpers/signedRequest.ts';

const keys = generateSigningKeys();
const strangerKeys = generateSigningKeys();
const nowSeconds = (): number => Math.floor(Date.now() / 1000);

const logs: { level: LogLevel; message: string; fields?: Record<string, unknown> }[] = [];

// Echoes the interaction's type and id so each answer can be matched to its request; 'boom' simulates a bug.
async function echoHandler(interaction: unknown): Promise<APIInteractionResponse> {
  const { type, id, data } = interaction as { type?: unknown; id?: unknown; data?: { name?: unknown } | null };
  if (data?.name === 'boom') throw new Error('handler exploded');
  const suffix = typeof id === 'string' ? ` ${id}` : '';
  return {
    type: InteractionResponseType.ChannelMessageWithSource,
    data: { content: `ok ${String(type)}${suffix}`, allowed_mentions: { parse: [] } },
  };
}

let server: Server;
let base: string;
let port: number;

beforeAll(async () => {
  server = createInteractionsServer({
    publicKey: publicKeyFromHex(keys.publicKeyHex),
    handle: echoHandler,
    health: () => ({ shards: 1 }),
    log: (level, message, fields) => logs.push({ level, message, ...(fields ? { fields } : {}) }),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeAllConnections();
  await closed;
});

interface Answer {
  status: number;
  headers: Headers;
  json: unknown;
}

async function send(
  method: string,
  path: string,
  body?: string | Uint8Array,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(base + path, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

function postSigned(body: string | Uint8Array, timestamp?: number): Promise<Answer> {
  return send('POST', '/interactions', body, signRequest(keys.privateKey, body, timestamp));
}

const command = (id = '1'): string =>
  JSON.stringify({
    id,
    type: 2,
    application_id: '9',
    token: 't',
    version: 1,
    data: { id: '5', name: 'feud', type: 1 },
  });

/** POST with chunked encoding (no Content-Length), so the cap must be enforced while streaming. */
function postChunked(totalBytes: number, headers: Record<string, string>): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/interactions', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    const chunk = Buffer.alloc(8192, 0x61);
    let sent = 0;
    const pump = (): void => {
      while (sent < totalBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

describe('verifySignature', () => {
  it('imports the raw key the developer portal shows, in either case and with stray whitespace', () => {
    expect(publicKeyFromHex(` ${keys.publicKeyHex.toUpperCase()}\n`).asymmetricKeyType).toBe('ed25519');
  });

  it.each(['', 'abc', 'zz'.repeat(32), 'ab'.repeat(31), 'ab'.repeat(33)])(
    'rejects the malformed key %j clearly',
    (hex) => {
      expect(() => publicKeyFromHex(hex)).toThrow(/Discord public key/);
    },
  );

  const body = Buffer.from(command());
  const at = 1_700_000_000;
  const check = (overrides: Partial<Parameters<typeof verifyDiscordRequest>[0]>) =>
    verifyDiscordRequest({
      publicKey: keys.publicKey,
      rawBody: body,
      nowMs: at * 1000,
      ...signatureHeaders(body, at),
      ...overrides,
    });

  it('accepts a timestamp exactly 300 s away and refuses 301 s', () => {
    expect(check({ nowMs: (at + 300) * 1000 })).toEqual({ ok: true });
    expect(check({ nowMs: (at - 300) * 1000 })).toEqual({ ok: true });
    expect(check({ nowMs: (at + 301) * 1000 }).ok).toBe(false);
    expect(check({ nowMs: (at - 301) * 1000 }).ok).toBe(false);
  });

  it.each(['1.5', '-1', '1e9', ' 1700000000', '0x10', '9'.repeat(40), 'abc'])(
    'refuses the timestamp %j without throwing',
    (timestamp) => {
      expect(check({ timestamp }).ok).toBe(false);
    },
  );

  it.each(['00', 'zz'.repeat(64), 'ab'.repeat(63), 'ab'.repeat(65)])(
    'refuses the malformed signature %j',
    (signature) => {
      expect(check({ signature })).toMatchObject({ ok: false, reason: 'malformed signature' });
    },
  );

  it('answers rather than throws when handed a key of the wrong kind', () => {
    const { publicKey } = generateKeyPairSync('x25519');
    expect(check({ publicKey })).toMatchObject({ ok: false });
  });
});

function signatureHeaders(body: Uint8Array, timestamp: number): { signature: string; timestamp: string } {
  const headers = signRequest(keys.privateKey, body, timestamp);
  return { signature: headers['x-signature-ed25519'] ?? '', timestamp: headers['x-signature-timestamp'] ?? '' };
}

describe('POST /interactions', () => {
  it('answers a signed PING with PONG', async () => {
    const answer = await postSigned(JSON.stringify({ type: 1 }));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(answer.json).toEqual({ type: 1 });
  });

  it("answers a signed command with the handler's response", async () => {
    const answer = await postSigned(command('42'));
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ type: 4, data: { content: 'ok 2 42', allowed_mentions: { parse: [] } } });
  });

  it('refuses a body changed after signing', async () => {
    const signed = command('1');
    const headers = signRequest(keys.privateKey, signed);
    const answer = await send('POST', '/interactions', signed.replace('"1"', '"2"'), headers);
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ error: expect.any(String) });
  });

  it('checks the signature before it looks at the JSON', async () => {
    const headers = signRequest(strangerKeys.privateKey, '{"type":');
    expect((await send('POST', '/interactions', '{"type":', headers)).status).toBe(401);
  });

  it('refuses a request signed by another key', async () => {
    const body = JSON.stringify({ type: 1 });
    expect((await send('POST', '/interactions', body, signRequest(strangerKeys.privateKey, body))).status).toBe(401);
  });

  it('refuses a replayed request ten minutes old, and one from the future', async () => {
    const body = JSON.stringify({ type: 1 });
    expect((await postSigned(body, nowSeconds() - 600)).status).toBe(401);
    expect((await postSigned(body, nowSeconds() + 600)).status).toBe(401);
  });

  it('refuses a request missing either signature header', async () => {
    const body = JSON.stringify({ type: 1 });
    const { 'x-signature-ed25519': signature = '', 'x-signature-timestamp': timestamp = '' } = signRequest(
      keys.privateKey,
      body,
    );
    expect((await send('POST', '/interactions', body, { 'x-signature-timestamp': timestamp })).status).toBe(401);
    expect((await send('POST', '/interactions', body, { 'x-signature-ed25519': signature })).status).toBe(401);
    expect((await send('POST', '/interactions', body)).status).toBe(401);
  });

  it('accepts a body of exactly 64 KiB and refuses one byte more, declared up front', async () => {
    const skeleton = JSON.stringify({ type: 2, id: 'big', pad: '' });
    const exact = skeleton.replace('"pad":""', `"pad":"${'a'.repeat(65_536 - skeleton.length)}"`);
    expect(Buffer.byteLength(exact)).toBe(65_536);
    expect((await postSigned(exact)).status).toBe(200);
    const over = exact.replace('"pad":"', '"pad":"a');
    const answer = await postSigned(over);
    expect(answer.status).toBe(413);
    expect(answer.json).toEqual({ error: expect.any(String) });
  });

  it('refuses an oversized chunked body while it is still streaming', async () => {
    const headers = signRequest(keys.privateKey, 'irrelevant');
    expect(await postChunked(70_000, headers)).toBe(413);
    expect(await postChunked(5_000_000, headers)).toBe(413);
  });

  it('refuses malformed JSON and JSON that is not an object, even when signed', async () => {
    for (const body of ['{"type":1', '', 'not json', '[]', 'null', '"x"', '1', 'true']) {
      const answer = await postSigned(body);
      expect(answer.status, body).toBe(400);
      expect(answer.json).toEqual({ error: expect.any(String) });
    }
  });

  it('answers an ephemeral apology when the handler throws, and keeps serving', async () => {
    const boom = JSON.stringify({ type: 2, id: '7', data: { name: 'boom' } });
    const answer = await postSigned(boom);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(HANDLER_FAILURE_RESPONSE);
    expect(answer.json).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
    expect(logs.some((line) => line.level === 'error' && line.message === 'interaction handler failed')).toBe(true);
    expect((await postSigned(command('8'))).json).toMatchObject({ data: { content: 'ok 2 8' } });
  });

  it('survives a client that disconnects halfway through the body', async () => {
    const body = command('9');
    await new Promise<void>((resolve) => {
      const req = request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/interactions',
        headers: { ...signRequest(keys.privateKey, body), 'content-length': String(body.length) },
      });
      req.on('error', () => resolve());
      req.on('close', () => resolve());
      req.write(body.slice(0, 10), () => setTimeout(() => req.destroy(), 20));
    });
    expect((await postSigned(JSON.stringify({ type: 1 }))).json).toEqual({ type: 1 });
  });
});

describe('routing and health', () => {
  it('answers GET /healthz with status, uptime and the health fields', async () => {
    const answer = await send('GET', '/healthz');
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ status: 'ok', uptimeSeconds: expect.any(Number), shards: 1 });
    expect((await send('HEAD', '/healthz')).status).toBe(200);
  });

  it('answers a wrong method with 405 and the allowed ones', async () => {
    const get = await send('GET', '/interactions');
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(get.json).toEqual({ error: expect.any(String) });
    const post = await send('POST', '/healthz', '{}');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers unknown paths with 404', async () => {
    for (const [method, path] of [
      ['POST', '/elsewhere'],
      ['GET', '/'],
      ['GET', '/constructor'],
      ['POST', '/__proto__'],
      ['POST', '/interactions/'],
    ] as const) {
      const answer = await send(method, path, method === 'POST' ? '{}' : undefined);
      expect(answer.status, path).toBe(404);
      expect(answer.json).toEqual({ error: expect.any(String) });
    }
  });

  it('ignores a query string when routing', async () => {
    expect((await send('GET', '/healthz?probe=1')).status).toBe(200);
  });

  it('logs one line per request and never a body or a signature', () => {
    const requestLines = logs.filter((line) => line.message === 'http request');
    expect(requestLines.length).toBeGreaterThan(10);
    expect(requestLines[0]?.fields).toEqual({
      method: expect.any(String),
      path: expect.any(String),
      status: expect.anything(),
      ms: expect.any(Number),
      ...(requestLines[0]?.fields?.['reason'] === undefined ? {} : { reason: expect.any(String) }),
    });
    const everything = JSON.stringify(logs);
    expect(everything).not.toMatch(/[0-9a-f]{128}/i);
    expect(everything).not.toContain('application_id');
  });
});

// mulberry32: a tiny seeded PRNG so a failing fuzz run can be replayed from its seed.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fuzzBodies(seed: number, count: number): Uint8Array[] {
  const random = prng(seed);
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const valid = Buffer.from(command('fuzz'));
  const oddValues: readonly unknown[] = [
    null,
    true,
    false,
    0,
    -0,
    -1,
    1.5,
    2 ** 53 + 1,
    1e308,
    '',
    '1',
    '2',
    'ping',
    [],
    [1],
    {},
    { type: 1 },
    '\u0000',
    '\u202e',
    '😀',
  ];
  const hugeNumbers = [
    '1e999',
    '-1e999',
    '123456789012345678901234567890',
    '0.' + '0'.repeat(500) + '1',
    '1' + '0'.repeat(5000),
  ];
  const junkChar = (): string =>
    pick([
      () => String.fromCharCode(int(0x20)),
      () => String.fromCharCode(0xd800 + int(0x800)),
      () => String.fromCodePoint(int(0x110000)),
      () => pick(['"', '\\', '{', '}', '[', ']', ',', ':', '\ufeff', '\u2028']),
    ])();
  const makers: (() => Uint8Array | string)[] = [
    () => Buffer.from(Array.from({ length: int(600) }, () => int(256))),
    () => valid.subarray(0, int(valid.length)),
    () => {
      const copy = Buffer.from(valid);
      for (let i = 0, n = 1 + int(4); i < n; i++) copy[int(copy.length)] = int(256);
      return copy;
    },
    () => {
      const depth = 1 + int(30_000);
      return pick([
        `${'['.repeat(depth)}${']'.repeat(depth)}`,
        `${'['.repeat(depth)}`,
        `{"type":2,"data":${'{"a":'.repeat(depth / 6)}1${'}'.repeat(depth / 6)}}`,
      ]);
    },
    () => `{"type":${pick(hugeNumbers)},"id":${pick(hugeNumbers)}}`,
    () => JSON.stringify({ type: pick(oddValues), id: pick(oddValues), data: pick(oddValues), token: pick(oddValues) }),
    () =>
      JSON.stringify({
        type: 2,
        data: { name: Array.from({ length: int(200) }, junkChar).join(''), options: pick(oddValues) },
      }),
    () => Array.from({ length: int(300) }, junkChar).join(''),
    () =>
      pick([
        '{"__proto__":{"type":1}}',
        '{"constructor":{"prototype":{}}}',
        '{"type":1,"type":2}',
        '{"type":1}garbage',
        '\ufeff{"type":1}',
      ]),
    () => '\u00ff\u00fe' + JSON.stringify({ type: 2 }),
    () => Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xf8, 0x88, 0x80, 0x80, 0x80]),
    () => JSON.stringify({ type: 2, pad: 'x'.repeat(60_000 + int(10_000)) }),
  ];
  return Array.from({ length: count }, () => {
    const body = pick(makers)();
    return typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  });
}

describe('robustness', () => {
  it('answers every one of 1200 hostile signed bodies below 500, then still answers PING', async () => {
    const seed = Date.now() >>> 0;
    const bodies = fuzzBodies(seed, 1200);
    const statuses = new Map<number, number>();
    for (let start = 0; start < bodies.length; start += 50) {
      await Promise.all(
        bodies.slice(start, start + 50).map(async (body, offset) => {
          const answer = await postSigned(body);
          const context = `seed ${seed}, body #${start + offset}`;
          expect([200, 400, 413], context).toContain(answer.status);
          if (answer.status === 200) expect(answer.json, context).toMatchObject({ type: expect.any(Number) });
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        }),
      );
    }
    expect(statuses.get(200)).toBeGreaterThan(0);
    expect(statuses.get(400)).toBeGreaterThan(0);
    expect((await postSigned(JSON.stringify({ type: 1 }))).json).toEqual({ type: 1 });
  });

  it('answers 1200 concurrent signed commands, each with its own answer', async () => {
    const total = 1200;
    const batch = 200;
    for (let start = 0; start < total; start += batch) {
      const answers = await Promise.all(
        Array.from({ length: batch }, async (_, offset) => {
          const id = String(start + offset);
          return { id, answer: await postSigned(command(id)) };
        }),
      );
      for (const { id, answer } of answers) {
        expect(answer.status).toBe(200);
        expect(answer.json).toEqual({ type: 4, data: { content: `ok 2 ${id}`, allowed_mentions: { parse: [] } } });
      }
    }
  });

  it('signs exactly as Discord does: Ed25519 over timestamp then raw body', () => {
    const body = Buffer.from('{"type":1}');
    const headers = signRequest(keys.privateKey, body, 1234);
    const expected = sign(null, Buffer.from('1234{"type":1}'), keys.privateKey).toString('hex');
    expect(headers).toMatchObject({ 'x-signature-timestamp': '1234', 'x-signature-ed25519': expected });
  });
});
