// /feud timeline with its picture, end to end against the fake Discord: the gateway uploads it with the callback,
// HTTP mode defers and uploads it as an edit of @original. Every body must be one Discord accepts.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpMode } from '../src/discord/httpMode.ts';
import type { InteractionsServer } from '../src/discord/httpServer.ts';
import { createInteractionHandler } from '../src/interactions/handleInteraction.ts';
import { createTimelinePictures } from '../src/pictures/timelinePictures.ts';
import { button, chatInput } from './fake-discord/payloads.ts';
import type { RecordedRequest } from './fake-discord/rest.ts';
import { checkCallbackBody, checkMessageBody } from './fake-discord/schemas.ts';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/server.ts';
import { embedOf, messageOf, sharedApp, startBot, type RunningBot } from './helpers/gatewayHarness.ts';
import { generateSigningKeys, signRequest } from './helpers/signedRequest.ts';

const pictures = createTimelinePictures(sharedApp());
const ATTACHMENT_URL = 'attachment://timeline.png';

function pngWidth(data: Buffer): number {
  expect(data.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(data.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return data.readUInt32BE(16);
}

/** The one file a request uploaded: a PNG named timeline.png, at least 1,200 px wide. */
function uploadedPicture(request: RecordedRequest): Buffer {
  expect(request.headers['content-type']).toMatch(/^multipart\/form-data/);
  expect(request.files).toHaveLength(1);
  const [file] = request.files!;
  expect(file!.filename).toBe('timeline.png');
  expect(file!.contentType).toBe('image/png');
  expect(pngWidth(file!.data)).toBeGreaterThanOrEqual(1200);
  return file!.data;
}

function nextButton(body: unknown): string {
  const text = JSON.stringify(body);
  const id = [...text.matchAll(/"custom_id":"([^"]+)"/g)].map((m) => m[1]!).find((c) => c.startsWith('feud1:n:'));
  if (!id) throw new Error('no Next button');
  return id;
}

describe('gateway: /feud timeline uploads its picture with the callback', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({ handler: { timelineImage: pictures.png } });
  });
  afterAll(() => bot.stop());

  const callbackRequest = (id: string) =>
    bot.fake.requests.find((r) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`))!;

  it('an embed showing attachment://timeline.png, a valid body, and the PNG as files[0]', async () => {
    const payload = chatInput({ subcommand: 'timeline' });
    const body = await bot.ask(payload);
    expect(checkCallbackBody(body)).toEqual([]);
    expect(embedOf(body).image?.url).toBe(ATTACHMENT_URL);
    expect(messageOf(body).attachments).toEqual([{ id: '0', filename: 'timeline.png' }]);
    const request = callbackRequest(payload.id);
    expect(request.files?.[0]?.field).toBe('files[0]');
    expect(uploadedPicture(request).equals(pictures.png('en'))).toBe(true);
  });

  it('draws the picture in the user’s language: zh-CN and en differ', async () => {
    const en = chatInput({ subcommand: 'timeline', locale: 'en-US' });
    const zh = chatInput({ subcommand: 'timeline', locale: 'zh-CN' });
    await bot.ask(en);
    await bot.ask(zh);
    const [enPng, zhPng] = [uploadedPicture(callbackRequest(en.id)), uploadedPicture(callbackRequest(zh.id))];
    expect(enPng.equals(zhPng)).toBe(false);
    expect(zhPng.equals(pictures.png('zh'))).toBe(true);
  });

  it('paging keeps the picture: the update points at the same attachment and uploads nothing', async () => {
    const first = await bot.ask(chatInput({ subcommand: 'timeline' }));
    const click = button({ customId: nextButton(first) });
    const page = await bot.ask(click);
    expect(page.type).toBe(7);
    expect(checkCallbackBody(page)).toEqual([]);
    expect(embedOf(page).image?.url).toBe(ATTACHMENT_URL);
    // No `attachments` field: Discord keeps the message's existing files.
    expect(messageOf(page).attachments).toBeUndefined();
    expect(callbackRequest(click.id).files).toBeUndefined();
  });
});

describe('HTTP mode: /feud timeline defers, then uploads the picture as an edit of @original', () => {
  const keys = generateSigningKeys();
  let fake: FakeDiscord;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    const app = sharedApp();
    server = await startHttpMode({
      env: { HOST: '127.0.0.1', DISCORD_API_BASE_URL: fake.apiBase },
      publicKeyHex: keys.publicKeyHex,
      port: 0,
      app,
      handle: createInteractionHandler(app, { timelineImage: pictures.png }),
      log: () => undefined,
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeAllConnections();
    await closed;
    await fake.stop();
  });

  /** What Discord does: POST the signed interaction, take the HTTP response as the callback. */
  async function deliver(payload: ReturnType<typeof chatInput> | ReturnType<typeof button>): Promise<unknown> {
    fake.registerInteraction(payload);
    const body = JSON.stringify(payload);
    const res = await fetch(`${base}/interactions`, {
      method: 'POST',
      headers: signRequest(keys.privateKey, body),
      body,
    });
    expect(res.status).toBe(200);
    const callback: unknown = await res.json();
    expect(checkCallbackBody(callback)).toEqual([]);
    fake.acceptHttpCallback(payload.id, callback);
    return callback;
  }

  it.each([
    ['en-US', 'en'],
    ['zh-CN', 'zh'],
  ] as const)('%s: a deferral, then a multipart PATCH whose embed shows the uploaded PNG', async (locale, lang) => {
    const payload = chatInput({ subcommand: 'timeline', locale });
    const callback = await deliver(payload);
    expect(callback).toEqual({ type: 5, data: {} });
    const edit = await fake.waitForEdit(payload, 5_000);
    expect(checkMessageBody(edit.body, 'edit')).toEqual([]);
    const data = edit.body as { embeds: { image?: { url: string } }[]; attachments: unknown[] };
    expect(data.embeds[0]?.image?.url).toBe(ATTACHMENT_URL);
    expect(data.attachments).toEqual([{ id: '0', filename: 'timeline.png' }]);
    expect(uploadedPicture(edit).equals(pictures.png(lang))).toBe(true);
  });

  it('a private timeline defers ephemerally', async () => {
    const payload = chatInput({ subcommand: 'timeline', options: [{ name: 'private', value: true }] });
    expect(await deliver(payload)).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await fake.waitForEdit(payload, 5_000);
    expect(checkMessageBody(edit.body, 'edit')).toEqual([]);
  });

  it('when the upload is refused, the deferred reply still gets its answer, without the picture', async () => {
    const payload = chatInput({ subcommand: 'timeline' });
    const path = `/webhooks/${fake.applicationId}/${payload.token}/messages/@original`;
    fake.failNext(
      { method: 'PATCH', path },
      { status: 413, body: { message: 'Request entity too large', code: 40005 } },
    );
    await deliver(payload);
    const edit = await fake.waitForEdit(payload, 5_000);
    expect(checkMessageBody(edit.body, 'edit')).toEqual([]);
    const data = edit.body as { embeds: { title?: string; image?: unknown }[]; attachments?: unknown };
    expect(data.embeds[0]?.title).toMatch(/^Timeline/);
    expect(data.embeds[0]?.image).toBeUndefined();
    expect(data.attachments).toBeUndefined();
    expect(edit.files).toEqual([]);
  });

  it('paging answers inline with an update that keeps the picture', async () => {
    const first = chatInput({ subcommand: 'timeline' });
    await deliver(first);
    const edit = await fake.waitForEdit(first, 5_000);
    const page = (await deliver(button({ customId: nextButton(edit.body) }))) as {
      type: number;
      data: { embeds: { image?: { url: string } }[]; attachments?: unknown };
    };
    expect(page.type).toBe(7);
    expect(page.data.embeds[0]?.image?.url).toBe(ATTACHMENT_URL);
    expect(page.data.attachments).toBeUndefined();
  });
  // Last in this block: the drain closes the server.
  it('a drain begun while a deferred picture is still uploading ends only once the upload has', async () => {
    const payload = chatInput({ subcommand: 'timeline' });
    const hold = fake.holdNext({ method: 'PATCH', path: /\/messages\/@original$/ });
    expect(await deliver(payload)).toEqual({ type: 5, data: {} });
    await hold.arrived;
    let drained = false;
    const draining = (server as InteractionsServer).drain().then(() => (drained = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(drained, 'the upload is still in flight').toBe(false);
    hold.release();
    await draining;
    expect(uploadedPicture(await fake.waitForEdit(payload, 1_000)).length).toBeGreaterThan(0);
  });
});
