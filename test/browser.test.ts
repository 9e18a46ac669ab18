import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { ingestSources } from '../src/ingest/ingest-sources.js';
import { createApp } from '../src/server/create-app.js';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { HAS_SHARED, SEED_ARTICLE, tempDir } from './helpers/shared.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = fs.existsSync(CHROMIUM);
if (!HAS_CHROMIUM)
  console.warn(
    `\n!!! ${CHROMIUM} NOT FOUND: browser tests are SKIPPED. .ci/run installs Debian's chromium. !!!\n`,
  );
const ARTIFACTS = path.resolve('artifacts');
const QUESTION = 'Did Rubio turn over DOJ MS-13 informants to get access to El Salvadoran prisons?';

describe.skipIf(!HAS_SHARED || !HAS_CHROMIUM)('the reader web page in Chromium', () => {
  let store: Store;
  let server: ServerType;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    const dir = tempDir('browser');
    const hostile = path.join(dir, 'hostile.jsonl');
    fs.writeFileSync(
      hostile,
      JSON.stringify({
        id: 'hostile-1',
        title: 'Zorblatt <script>window.__pwned = 1</script> harbour',
        outlet: 'Hostile <img src=x onerror="window.__pwned = 2">',
        text: 'The Zorblatt harbour closed <script>window.__pwned = 3</script> after the <b onmouseover="window.__pwned = 4">storm</b> on Monday, the Zorblatt port authority said.',
      }) + '\n',
    );
    store = createSqliteStore({ path: path.join(dir, 'verity.db') });
    await ingestSources([SEED_ARTICLE, hostile], { store, maxFileBytes: 5e6 });
    const app = createApp({
      store,
      config: loadConfig({ dbPath: ':memory:', supporterGoal: 'Goal: 1,000 supporters' }, {}),
    });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await store?.close();
  });

  it('asks a question, shows the verdict and sections, opens a citation in place, and follows a follow-up', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`${base}/`);
    expect(await page.locator('aside.supporters').count()).toBe(1);
    await page.fill('#q', QUESTION);
    await page.click('form.ask button');
    await page.waitForURL(/\/checks\/[0-9a-f]{12}$/);
    await expect(page.locator('h1').first().textContent()).resolves.toBe(QUESTION);
    const badge = await page.locator('.verdict .badge').textContent();
    expect(badge?.length).toBeGreaterThan(5);
    expect(await page.locator('article.report section h2').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('figure.provenance svg').count()).toBe(1);
    expect(await page.locator('figure.timeline svg').count()).toBe(1);
    const card = await page.locator('section.sources li').first().textContent();
    expect(card).toMatch(/(origin|repeats|independent)/);
    expect(card).toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(await page.locator('a.permalink, .permalink a').first().getAttribute('href')).toMatch(
      /^\/checks\/[0-9a-f]{12}$/,
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'report-page.png'), fullPage: true });

    const citation = page.locator('a.cite').first();
    const n = await citation.getAttribute('data-source');
    await citation.click();
    const opened = page.locator('.cited-passage').first();
    await opened.waitFor();
    const cardText = await page.locator(`#source-${n} blockquote p`).first().textContent();
    expect(await opened.textContent()).toContain(cardText!.slice(0, 40));
    await opened.locator('a.to-source').click();
    expect(page.url()).toMatch(new RegExp(`#source-${n}$`));

    const followUp = page.locator('a.follow-up').first();
    const followQuestion = await followUp.textContent();
    await followUp.click();
    await page.waitForURL(/\/checks\/[0-9a-f]{12}$/);
    await expect(page.locator('h1').first().textContent()).resolves.toBe(followQuestion);

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await phone.goto(page.url());
    const overflow = await phone.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(1);
    await phone.screenshot({ path: path.join(ARTIFACTS, 'report-page-phone.png'), fullPage: true });
  });

  it('shows source text containing <script> and on* attributes as text, never running it', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(
      `${base}/check?q=${encodeURIComponent('Did the Zorblatt harbour close after the storm?')}`,
    );
    await page.waitForURL(/\/checks\//);
    const text = await page.locator('article.report').textContent();
    expect(text).toContain('<script>window.');
    expect(text).toContain('<img src=x onerror="window.__pwned = 2">');
    await page.locator('a.cite').first().click();
    await page.mouse.move(10, 10);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(
      await page.locator('article.report script, article.report img, article.report [onmouseover]').count(),
    ).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
