// The article page in a real browser: headless Chromium (Debian's) loads it from HTTP mode's GET /article/.
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { startHttpMode } from '../../src/discord/httpMode.ts';
import { createInteractionHandler } from '../../src/interactions/handleInteraction.ts';
import { createTimelinePictures } from '../../src/pictures/timelinePictures.ts';
import { buildSite } from '../../src/site/buildSite.ts';
import { generateSigningKeys } from '../helpers/signedRequest.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = new URL('../artifacts/', import.meta.url);
// Without these Chromium phones home at start (update checks, sync), which this test would count as leaks.
const QUIET = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];

let server: Server;
let base: string;
let browser: Browser;
const requests: string[] = [];

beforeAll(async () => {
  const app = createApp();
  const site = buildSite(app, createTimelinePictures(app));
  server = await startHttpMode({
    env: { HOST: '127.0.0.1' },
    publicKeyHex: generateSigningKeys().publicKeyHex,
    port: 0,
    app,
    handle: createInteractionHandler(app),
    log: () => undefined,
    site: () => Promise.resolve(site),
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: QUIET });
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

async function open(path: string, locale = 'en-US'): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${base}${path}`, { waitUntil: 'load' });
  // Strings, not functions: they run in the page, and this project's TypeScript has no DOM types.
  await page.evaluate('document.fonts.ready.then(() => undefined)');
  return page;
}

describe('the article page in Chromium', () => {
  it('#p35 scrolls to paragraph 35', async () => {
    const page = await open('/article/#p35');
    const box = await page.locator('#p35').boundingBox();
    expect(await page.evaluate<number>('window.scrollY')).toBeGreaterThan(1000);
    expect(box).not.toBeNull();
    // The sticky header covers the top; the paragraph starts just below it.
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(200);
    expect(await page.locator('#p35 .num').textContent()).toBe('¶35');
    await page.screenshot({ path: new URL('article-p35.png', ARTIFACTS).pathname });
    await page.context().close();
  });

  it('the toggle switches the interface between English and Chinese', async () => {
    const page = await open('/article/');
    const heading = page.locator('header h1');
    expect(await page.locator('html').getAttribute('data-ui')).toBe('en');
    expect(await heading.innerText()).toBe('The annotated article');
    expect(await page.locator('figure img.en').isVisible()).toBe(true);
    await page.click('#lang-toggle');
    expect(await page.locator('html').getAttribute('data-ui')).toBe('zh');
    expect(await heading.innerText()).toBe('带注释的原文');
    expect(await page.locator('figure img.zh').isVisible()).toBe(true);
    expect(await page.locator('figure img.en').isVisible()).toBe(false);
    await page.screenshot({ path: new URL('article-zh.png', ARTIFACTS).pathname });
    await page.click('#lang-toggle');
    expect(await heading.innerText()).toBe('The annotated article');
    await page.screenshot({ path: new URL('article-en.png', ARTIFACTS).pathname });
    await page.context().close();
  });

  it('a Chinese browser opens in Chinese, with the timeline picture loaded and the committed font in use', async () => {
    const page = await open('/article/', 'zh-CN');
    expect(await page.locator('html').getAttribute('data-ui')).toBe('zh');
    expect(await page.evaluate<number>("document.querySelector('figure img.zh').naturalWidth")).toBe(1200);
    expect(await page.evaluate<boolean>(`document.fonts.check('16px "Noto Sans SC"', '马斯克')`)).toBe(true);
    expect(
      await page.evaluate<boolean>(
        "[...document.fonts].some((f) => f.family.includes('Noto Sans SC') && f.status === 'loaded')",
      ),
    ).toBe(true);
    await page.context().close();
  });

  it('shows removed noise struck through with its reason', async () => {
    const page = await open('/article/');
    const noise = page.locator('.noise-line del.noise').first();
    expect(await noise.isVisible()).toBe(true);
    expect(await page.locator('.noise-line .reason').first().innerText()).toMatch(/spam|boilerplate/);
    await page.context().close();
  });

  it('no request leaves localhost', () => {
    expect(requests.length).toBeGreaterThan(3);
    const origin = new URL(base).origin;
    expect(requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:'))).toEqual([]);
  });
});
