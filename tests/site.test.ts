// The annotated article page: what it contains, HTTP mode serving it at /article/, and ARTICLE_URL links in replies.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { parseEnv } from '../src/config/env.ts';
import { startHttpMode } from '../src/discord/httpMode.ts';
import { createInteractionHandler } from '../src/interactions/handleInteraction.ts';
import { createTimelinePictures } from '../src/pictures/timelinePictures.ts';
import { articleLines, buildSite } from '../src/site/buildSite.ts';
import { chatInput } from './fake-discord/payloads.ts';
import { checkCallbackBody } from './fake-discord/schemas.ts';
import { readDataJson } from './helpers/gatewayHarness.ts';
import { generateSigningKeys } from './helpers/signedRequest.ts';

const app = createApp();
const pictures = createTimelinePictures(app);
const site = buildSite(app, pictures);
const html = site.get('index.html')!.body.toString('utf8');
const noise = readDataJson<{ text: string; reason: string }[]>('musk-openai/noise.json');
const escaped = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('the article page', () => {
  it('has every paragraph, in order, under its own anchor', () => {
    const ids = [...html.matchAll(/<section class="para [a-z]+" id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(app.corpus.paragraphs.map((p) => p.ref));
    expect(html).toContain('<a class="num" href="#p35">¶35</a>');
  });

  it('shows each paragraph’s gloss, section and date basis', () => {
    const p35 = app.corpus.byRef.get('p35')!;
    const section = html.slice(html.indexOf('id="p35"'), html.indexOf('</section>', html.indexOf('id="p35"')));
    expect(section).toContain(escaped(p35.gloss));
    expect(section).toContain(p35.section.en);
    expect(section).toContain('stated in the text');
  });

  it('strikes through every noise line and suffix, with its reason', () => {
    const lines = articleLines(app);
    for (const n of noise) {
      expect(html).toContain(`${escaped(n.text)}</del>`);
      expect(html).toContain(escaped(n.reason));
    }
    expect(lines.filter((l) => l.kind === 'noise' || l.removed)).toHaveLength(noise.length);
  });

  it('highlights every quote with its speaker', () => {
    const marks = [...html.matchAll(/<mark class="quote"/g)];
    expect(marks.length).toBe(app.corpus.quotes.length);
    expect(html).toMatch(/<mark class="quote" title="Elon Musk \(马斯克\) · tweet/);
  });

  it('links entity names to cards that exist', () => {
    const targets = new Set([...html.matchAll(/href="#(entity-[^"]+)"/g)].map((m) => m[1]));
    expect(targets.size).toBeGreaterThan(5);
    for (const t of targets) expect(html).toContain(`id="${t}"`);
  });

  it('refers only to its own assets, each of which the site holds', () => {
    const refs = [...html.matchAll(/(?:src|href)="([^"#][^"]*)"|url\("([^"]+)"\)/g)].map((m) => m[1] ?? m[2]!);
    expect(refs.length).toBeGreaterThanOrEqual(4);
    for (const ref of refs) {
      expect(ref).not.toMatch(/^[a-z]+:|^\/\//);
      expect(site.has(ref), ref).toBe(true);
    }
  });
});

describe('HTTP mode serves the page at /article/', () => {
  let server: Server;
  let base: string;
  let siteRequests = 0;
  beforeAll(async () => {
    server = await startHttpMode({
      env: { HOST: '127.0.0.1' },
      publicKeyHex: generateSigningKeys().publicKeyHex,
      port: 0,
      app,
      handle: createInteractionHandler(app),
      log: () => undefined,
      site: () => {
        siteRequests += 1;
        return Promise.resolve(site);
      },
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('asks for the site only when a page is requested, never to start or to answer an interaction', async () => {
    expect(siteRequests).toBe(0);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(siteRequests).toBe(0);
    expect((await fetch(`${base}/article/`)).status).toBe(200);
    expect(siteRequests).toBe(1);
  });

  it('redirects /article to /article/, where the page is', async () => {
    const redirect = await fetch(`${base}/article`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/article/');
    const page = await fetch(`${base}/article/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toBe(html);
  });

  it('serves the assets the page names, and 404 for anything else', async () => {
    const png = await fetch(`${base}/article/assets/timeline.zh.png`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer()).equals(pictures.png('zh'))).toBe(true);
    expect((await fetch(`${base}/article/assets/../../package.json`)).status).toBe(404);
    expect((await fetch(`${base}/article/nope.html`)).status).toBe(404);
    expect((await fetch(`${base}/article/`, { method: 'POST' })).status).toBe(405);
  });
});

describe('ARTICLE_URL', () => {
  it('must be an http(s) URL', () => {
    expect(parseEnv({ ARTICLE_URL: 'https://feud.example.org/article/' }).ARTICLE_URL).toBe(
      'https://feud.example.org/article/',
    );
    expect(() => parseEnv({ ARTICLE_URL: 'feud.example.org' })).toThrow(/ARTICLE_URL/);
  });

  it('turns “Where: ¶35” into a link to ARTICLE_URL#p35, in answers and in the timeline', () => {
    const handle = createInteractionHandler(app, { articleUrl: 'https://feud.example.org/article/' });
    const body = handle(chatInput({ subcommand: 'when', options: [{ name: 'query', value: 'GPT-2' }] })).response!;
    expect(checkCallbackBody(body)).toEqual([]);
    const where = JSON.stringify(body);
    expect(where).toContain('[¶35](https://feud.example.org/article/#p35)');
    const timeline = JSON.stringify(handle(chatInput({ subcommand: 'timeline' })).response);
    expect(timeline).toMatch(/\[¶\d+\]\(https:\/\/feud\.example\.org\/article\/#p\d+\)/);
  });

  it('leaves ¶35 plain without it', () => {
    const body = createInteractionHandler(app)(
      chatInput({ subcommand: 'when', options: [{ name: 'query', value: 'GPT-2' }] }),
    ).response;
    expect(JSON.stringify(body)).toContain('¶35');
    expect(JSON.stringify(body)).not.toContain('](');
  });
});
