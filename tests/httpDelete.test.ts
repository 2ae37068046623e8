// HTTP mode's Delete: the click is acknowledged in the HTTP response (a deferred update), then the message is
// deleted through Discord's REST API with the click's own token (no bot token in HTTP mode).
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionsServer } from '../src/discord/httpServer.ts';
import { startHttpMode } from '../src/discord/httpMode.ts';
import { createInteractionHandler } from '../src/interactions/handleInteraction.ts';
import { FAKE_APPLICATION_ID } from './fake-discord/ids.ts';
import { button, chatInput } from './fake-discord/payloads.ts';
import { checkCallbackBody } from './fake-discord/schemas.ts';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/server.ts';
import { sharedApp } from './helpers/gatewayHarness.ts';
import { generateSigningKeys, signRequest } from './helpers/signedRequest.ts';

const keys = generateSigningKeys();
let fake: FakeDiscord;
let server: InteractionsServer;
let base: string;

beforeAll(async () => {
  fake = await startFakeDiscord();
  const app = sharedApp();
  server = await startHttpMode({
    env: { HOST: '127.0.0.1', DISCORD_API_BASE_URL: fake.apiBase },
    publicKeyHex: keys.publicKeyHex,
    port: 0,
    app,
    handle: createInteractionHandler(app),
    log: () => undefined,
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  // A drain also waits for what the answers started: the Delete, and the metrics loading after the first answer.
  await server.drain();
  await fake.stop();
});

async function post(payload: unknown): Promise<{ type: number; data?: { components?: unknown[] } }> {
  const body = JSON.stringify(payload);
  const res = await fetch(`${base}/interactions`, {
    method: 'POST',
    headers: signRequest(keys.privateKey, body),
    body,
  });
  const json = (await res.json()) as { type: number };
  expect(checkCallbackBody(json)).toEqual([]);
  return json;
}

describe('HTTP mode: Delete', () => {
  it('answers the asker’s click with a deferred update, then DELETEs @original with the click’s token', async () => {
    const answer = await post(chatInput({ subcommand: 'who', options: [{ name: 'query', value: 'Altman' }] }));
    const deleteId = [...JSON.stringify(answer).matchAll(/"custom_id":"(feud1:d:[^"]+)"/g)][0]?.[1];
    expect(deleteId).toBeDefined();
    const click = button({ customId: deleteId! });
    const ack = await post(click);
    expect(ack.type).toBe(6);
    const request = await fake.waitForRequest((r) => r.method === 'DELETE');
    expect(request.path).toBe(`/webhooks/${FAKE_APPLICATION_ID}/${click.token}/messages/@original`);
  });
});
