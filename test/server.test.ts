import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { ingestSources } from '../src/ingest/ingest-sources.js';
import { createApp } from '../src/server/create-app.js';
import { OPENAPI } from '../src/server/openapi.js';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { expectValidClaimReview, expectValidReport } from './helpers/report-schema.js';
import { HAS_SHARED, READABILITY_PAGES, SEED_ARTICLE, tempDir } from './helpers/shared.js';

const QUESTION = 'Did Rubio turn over DOJ MS-13 informants to get access to El Salvadoran prisons?';

describe.skipIf(!HAS_SHARED)('HTTP API (in process)', async () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    store = createSqliteStore({ path: path.join(tempDir('server'), 'verity.db') });
    await ingestSources([SEED_ARTICLE], { store, maxFileBytes: 5e6 });
    app = createApp({
      store,
      config: loadConfig({ dbPath: ':memory:', ingestToken: 'secret-token', rateLimitPerMinute: 1000 }, {}),
    });
  });
  afterAll(() => store.close());

  it('runs a check, stores it, and serves it in every format', async () => {
    const created = await app.request('/api/checks', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: QUESTION, asOf: '2026-01-01' }),
    });
    expect(created.status).toBe(201);
    const { id, report } = (await created.json()) as {
      id: string;
      report: Parameters<typeof expectValidReport>[0];
    };
    expectValidReport(report);
    const json = await app.request(`/api/checks/${id}`);
    expect(json.status).toBe(200);
    expect(((await json.json()) as { claim: string }).claim).toBe(report.claim);
    const markdown = await app.request(`/api/checks/${id}?format=markdown`);
    expect(markdown.headers.get('content-type')).toMatch(/text\/markdown/);
    expect(await markdown.text()).toMatch(/^# Did Rubio/);
    const claimReview = await app.request(`/api/checks/${id}?format=claimreview`);
    expectValidClaimReview((await claimReview.json()) as Record<string, unknown>);
    const html = await app.request(`/api/checks/${id}?format=html`);
    expect(await html.text()).toMatch(/^<!doctype html>/);
  });

  it('answers bad requests with JSON errors that say what was wrong', async () => {
    const badJson = await app.request('/api/checks', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as { error: { message: string } }).error.message).toMatch(/must be JSON/);
    const noQuestion = await app.request('/api/checks', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"question": 3}',
    });
    expect(((await noQuestion.json()) as { error: { code: string } }).error.code).toBe('invalid_question');
    const tooBig = await app.request('/api/checks', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'x'.repeat(20_000) }),
    });
    expect(tooBig.status).toBe(413);
    expect((await app.request('/api/checks/nope')).status).toBe(404);
    expect((await app.request('/api/checks/nope?format=pdf')).status).toBe(404);
    expect((await app.request('/api/search')).status).toBe(400);
  });

  it('searches passages and serves sources', async () => {
    const search = (await (await app.request('/api/search?q=Lopez%20Larios')).json()) as {
      results: Array<{ passage: { text: string }; article: { id: string } }>;
    };
    expect(search.results[0]!.passage.text).toContain('Lopez Larios');
    const source = (await (await app.request(`/api/sources/${search.results[0]!.article.id}`)).json()) as {
      authors: string[];
    };
    expect(source.authors).toEqual(['Serdar Dincel']);
  });

  it('ingests only with the bearer token, from uploaded files', async () => {
    const form = () => {
      const data = new FormData();
      data.append(
        'files',
        new Blob([fs.readFileSync(path.join(READABILITY_PAGES, 'bbc-1', 'source.html'))], {
          type: 'text/html',
        }),
        'bbc.html',
      );
      return data;
    };
    expect((await app.request('/api/ingest', { method: 'POST', body: form() })).status).toBe(401);
    expect(
      (
        await app.request('/api/ingest', {
          method: 'POST',
          body: form(),
          headers: { authorization: 'Bearer wrong' },
        })
      ).status,
    ).toBe(401);
    const ok = await app.request('/api/ingest', {
      method: 'POST',
      body: form(),
      headers: { authorization: 'Bearer secret-token' },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ added: 1, failed: 0 });
    // URLs too, fetched like `verity ingest` does (a local server, so private addresses are allowed here).
    const { startLocalServer } = await import('./helpers/local-server.js');
    const site = await startLocalServer({
      '/story': {
        body: fs.readFileSync(path.join(READABILITY_PAGES, 'guardian-1', 'source.html')),
        headers: { 'content-type': 'text/html' },
      },
    });
    const withUrls = createApp({
      store,
      config: loadConfig({ dbPath: ':memory:', ingestToken: 'secret-token', allowPrivateUrls: true }, {}),
    });
    const fromUrl = await withUrls.request('/api/ingest', {
      method: 'POST',
      headers: { authorization: 'Bearer secret-token', 'content-type': 'application/json' },
      body: JSON.stringify({ urls: [`${site.url}/story`] }),
    });
    expect(await fromUrl.json()).toMatchObject({ added: 1, failed: 0 });
    const badBody = await withUrls.request('/api/ingest', {
      method: 'POST',
      headers: { authorization: 'Bearer secret-token', 'content-type': 'application/json' },
      body: '{"urls": ["ftp://x"]}',
    });
    expect(badBody.status).toBe(400);
    await site.close();
    const off = createApp({ store, config: loadConfig({ dbPath: ':memory:' }, {}) });
    expect(
      (
        await off.request('/api/ingest', {
          method: 'POST',
          body: form(),
          headers: { authorization: 'Bearer x' },
        })
      ).status,
    ).toBe(503);
  });

  it('serves health, Prometheus metrics, the OpenAPI document (same as docs/openapi.json) and a CSP', async () => {
    expect(await (await app.request('/healthz')).json()).toMatchObject({ ok: true });
    const metrics = await (await app.request('/metrics')).text();
    expect(metrics).toMatch(/^# HELP verity_http_requests_total/m);
    expect(metrics).toMatch(/verity_check_duration_seconds_count \d+/);
    expect(await (await app.request('/openapi.json')).json()).toEqual(
      JSON.parse(fs.readFileSync('docs/openapi.json', 'utf8')),
    );
    expect(OPENAPI.paths['/api/checks'].post).toBeDefined();
    const page = await app.request('/');
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    // The supporter banner is off unless configured.
    expect(await page.text()).not.toContain('class="supporters"');
  });

  it('stops an API request that runs past the timeout with a JSON 504', async () => {
    const { startLocalServer } = await import('./helpers/local-server.js');
    const site = await startLocalServer({ '/slow': { hang: true } });
    const quick = createApp({
      store,
      config: loadConfig(
        { dbPath: ':memory:', ingestToken: 't', allowPrivateUrls: true, requestTimeoutMs: 300 },
        {},
      ),
    });
    const response = await quick.request('/api/ingest', {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: JSON.stringify({ urls: [`${site.url}/slow`] }),
    });
    expect(response.status).toBe(504);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /longer than 300 ms/,
    );
    await site.close();
  });

  it('limits requests per client', async () => {
    const limited = createApp({
      store,
      config: loadConfig({ dbPath: ':memory:', rateLimitPerMinute: 2 }, {}),
    });
    const statuses = [];
    for (let index = 0; index < 3; index++)
      statuses.push((await limited.request('/api/search?q=rubio')).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});
