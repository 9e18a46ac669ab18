import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { WARCRecord, WARCSerializer } from 'warcio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpFetcher } from '../src/ingest/http-fetcher.js';
import { ingestSources } from '../src/ingest/ingest-sources.js';
import { parseFeed } from '../src/ingest/parse-feed.js';
import { parseSitemap } from '../src/ingest/parse-sitemap.js';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { startLocalServer } from './helpers/local-server.js';
import { HAS_SHARED, READABILITY_PAGES, SHARED, tempDir } from './helpers/shared.js';

const FIXTURES = path.join(SHARED, 'data', 'ingest-fixtures');
const page = (name: string) => fs.readFileSync(path.join(READABILITY_PAGES, name, 'source.html'));
const MAX = 5_000_000;

function freshStore(): Store {
  return createSqliteStore({ path: path.join(tempDir('sources'), 'verity.db') });
}

/** One page of an article split over two URLs. */
function storyPage(page: number, next: string | null): string {
  const paragraphs = Array.from(
    { length: 6 },
    (_, index) =>
      `<p>Page ${page}, paragraph ${index + 1}: the harbour authority said the new quay would open in ${2025 + page}, after a long dispute over dredging permits and costs.</p>`,
  );
  return `<html><head><title>Harbour quay opens</title>${next ? `<link rel="next" href="${next}">` : ''}</head><body><article><h1>Harbour quay opens</h1>${paragraphs.join('')}</article></body></html>`;
}

describe.skipIf(!HAS_SHARED)('URLs, feeds and sitemaps over a local HTTP server', () => {
  let server: Awaited<ReturnType<typeof startLocalServer>>;
  const fetcher = () => createHttpFetcher({ allowPrivateAddresses: true, timeoutMs: 1500, maxBytes: MAX });

  beforeAll(async () => {
    const latin1 = Buffer.concat([
      Buffer.from('<html><head><title>Caf'),
      Buffer.from([0xe9]),
      Buffer.from(' news</title></head><body><article><p>'),
      Buffer.from('The caf'),
      Buffer.from([0xe9]),
      Buffer.from(' reopened after a long winter and neighbours queued on the square. '.repeat(8)),
      Buffer.from('</p></article></body></html>'),
    ]);
    const rss = (items: Array<{ path: string; date: string; title: string }>) =>
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>${items
        .map(
          (item) =>
            `<item><title>${item.title}</title><link>SERVER${item.path}</link><pubDate>${item.date}</pubDate></item>`,
        )
        .join('')}</channel></rss>`;
    const routes = {
      '/': { body: page('nytimes-1'), headers: { 'content-type': 'text/html; charset=utf-8' }, gzip: true },
      '/bbc': { body: page('bbc-1'), headers: { 'content-type': 'text/html' } },
      '/guardian': { body: page('guardian-1'), headers: { 'content-type': 'text/html' } },
      '/latin1': { body: latin1, headers: { 'content-type': 'text/html; charset=ISO-8859-1' } },
      '/slow': { hang: true },
      '/big': { streamBytes: MAX * 2 },
      '/gone': { status: 410, body: 'gone' },
      '/feed.rss': { body: '', headers: { 'content-type': 'application/rss+xml' } },
      '/content.rss': {
        body: fs.readFileSync(path.join(FIXTURES, 'feeds', 'rss-parser', 'content-encoded.rss')),
        headers: { 'content-type': 'application/rss+xml' },
      },
      '/sitemap-index.xml': { body: '' },
      '/pages.xml.gz': { body: new Uint8Array() },
      '/urls.txt': { body: '' },
      '/story/42': { body: storyPage(1, '/story/42?page=2'), headers: { 'content-type': 'text/html' } },
      '/story/42?page=2': { body: storyPage(2, null), headers: { 'content-type': 'text/html' } },
    } as Record<
      string,
      {
        body?: string | Uint8Array;
        headers?: Record<string, string>;
        gzip?: boolean;
        hang?: boolean;
        streamBytes?: number;
        status?: number;
      }
    >;
    server = await startLocalServer(routes);
    const base = server.url;
    routes['/feed.rss']!.body = rss([
      { path: '/bbc', date: 'Mon, 06 Oct 2025 10:00:00 GMT', title: 'BBC page' },
      { path: '/guardian', date: 'Tue, 14 Oct 2025 10:00:00 GMT', title: 'Guardian page' },
      { path: '/gone', date: 'Wed, 15 Oct 2025 10:00:00 GMT', title: 'Gone page' },
    ]).replaceAll('SERVER', base);
    routes['/sitemap-index.xml']!.body =
      `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${base}/pages.xml.gz</loc></sitemap></sitemapindex>`;
    routes['/pages.xml.gz']!.body = zlib.gzipSync(
      `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">` +
        `<url><loc>${base}/bbc</loc><news:news><news:publication_date>2025-10-01</news:publication_date><news:title>BBC</news:title></news:news></url>` +
        `<url><loc>${base}/latin1</loc><lastmod>2025-10-20</lastmod></url></urlset>`,
    );
    routes['/urls.txt']!.body = `${base}/bbc\n${base}/guardian\n`;
  });
  afterAll(() => server.close());

  it('fetches a gzip-encoded page and a legacy-charset page by URL', async () => {
    const store = freshStore();
    const summary = await ingestSources([server.url + '/', server.url + '/latin1'], {
      store,
      maxFileBytes: MAX,
      fetcher: fetcher(),
    });
    expect(summary).toMatchObject({ added: 2, failed: 0 });
    const sudan = (await store.searchPassages({ terms: ['sudan'], limit: 1 }))[0]!.article;
    expect(sudan.title).toBe('United States to Lift Sudan Sanctions');
    expect((await store.searchPassages({ terms: ['café'], limit: 1 }))[0]!.article.title).toBe('Café news');
    await store.close();
  });

  it('joins an article split over several URLs into one article', async () => {
    const store = freshStore();
    const summary = await ingestSources([`${server.url}/story/42`], {
      store,
      maxFileBytes: MAX,
      fetcher: fetcher(),
    });
    expect(summary).toMatchObject({ added: 1, failed: 0 });
    const article = (await store.searchPassages({ terms: ['harbour'], limit: 1 }))[0]!.article;
    const text = (await store.articleTexts([article.id])).get(article.id);
    expect(text).toContain('Page 1, paragraph 1');
    expect(text).toContain('Page 2, paragraph 6');
    await store.close();
  });

  it('refuses loopback addresses unless allowed, and says how to allow them', async () => {
    const store = freshStore();
    const summary = await ingestSources([server.url + '/'], {
      store,
      maxFileBytes: MAX,
      fetcher: createHttpFetcher(),
    });
    expect(summary.failed).toBe(1);
    expect(summary.failures[0]!.reason).toMatch(/private, loopback or link-local.*--allow-private-urls/);
    await store.close();
  });

  it('follows a few redirects, stops at the limit, and reports timeouts, oversize bodies and HTTP errors', async () => {
    const store = freshStore();
    const summary = await ingestSources(
      [
        `${server.url}/redirect/2`,
        `${server.url}/redirect/9`,
        `${server.url}/slow`,
        `${server.url}/big`,
        `${server.url}/gone`,
      ],
      { store, maxFileBytes: MAX, fetcher: fetcher() },
    );
    expect(summary.added).toBe(1);
    const reasons = summary.failures.map((failure) => `${failure.source} ${failure.reason}`);
    expect(reasons).toEqual([
      expect.stringMatching(/redirect\/9 more than 5 redirects/),
      expect.stringMatching(/slow no complete answer within 1500 ms/),
      expect.stringMatching(/big the response grew past the 4\.8 MB limit/),
      expect.stringMatching(/gone the server answered HTTP 410/),
    ]);
    await store.close();
  });

  it('ingests a feed: fetches each entry page, keeps feed metadata, honours --since, reports a dead link', async () => {
    const store = freshStore();
    const summary = await ingestSources([`${server.url}/feed.rss`], {
      store,
      maxFileBytes: MAX,
      fetcher: fetcher(),
      since: '2025-10-10',
    });
    expect(summary).toMatchObject({ added: 1, failed: 1 });
    expect(summary.failures[0]!.reason).toMatch(/HTTP 410/);
    const all = await ingestSources([`${server.url}/feed.rss`], {
      store,
      maxFileBytes: MAX,
      fetcher: fetcher(),
    });
    expect(all).toMatchObject({ added: 1, skipped: 1, failed: 1 });
  });

  it('stores feed entries that carry their full text without fetching them', async () => {
    const store = freshStore();
    const summary = await ingestSources([`${server.url}/content.rss`], {
      store,
      maxFileBytes: MAX,
      fetcher: fetcher(),
    });
    // Six entries carry their full text; the seventh has a short summary and a medium.com link,
    // which cannot be fetched here, so its summary is stored with a warning.
    expect(summary).toMatchObject({ added: 7, failed: 0 });
    expect(summary.warnings).toHaveLength(1);
    expect(summary.warnings[0]!.reason).toMatch(/stored the feed's summary only/);
    const forager = (await store.searchPassages({ terms: ['forager'], limit: 1 }))[0]!.article;
    expect(forager).toMatchObject({
      title: 'THE CREATIVE FORAGER',
      authors: ['Jeremy Puma'],
      published: '2018-04-09T18:55:38.000Z',
    });
  });

  it('follows a sitemap index to a gzipped news sitemap, filters by date, and reads text sitemaps', async () => {
    const store = freshStore();
    const recent = await ingestSources([`${server.url}/sitemap-index.xml`], {
      store,
      maxFileBytes: MAX,
      fetcher: fetcher(),
      since: '2025-10-10',
    });
    expect(recent).toMatchObject({ added: 1, failed: 0 });
    expect((await store.searchPassages({ terms: ['café'], limit: 1 }))[0]!.article.published).toBe(
      '2025-10-20',
    );
    const text = await ingestSources([`${server.url}/urls.txt`], {
      store,
      maxFileBytes: MAX,
      fetcher: fetcher(),
    });
    expect(text).toMatchObject({ added: 2, failed: 0 });
  });
});

describe.skipIf(!HAS_SHARED)('feed and sitemap fixtures made by others', () => {
  it('parses every well-formed real feed, in its declared encoding', async () => {
    const { decodeBytes } = await import('../src/ingest/decode-bytes.js');
    const read = (file: string) => decodeBytes(fs.readFileSync(path.join(FIXTURES, 'feeds', file))).text;
    const cyrillic = await parseFeed(read('node-feedparser/iconv.xml'), 'iconv.xml');
    expect(cyrillic.entries.length).toBeGreaterThan(5);
    expect(cyrillic.entries.map((entry) => entry.title).join(' ')).toMatch(/[а-яА-Я]{4}/);
    const atom = await parseFeed(read('rss-parser/heise.atom'), 'heise.atom');
    expect(atom.entries).toHaveLength(15);
    const guardian = await parseFeed(read('rss-parser/guardian.rss'), 'guardian.rss');
    expect(guardian.entries).toHaveLength(55);
    const broken = await parseFeed(read('node-feedparser/saxerror.xml'), 'saxerror.xml');
    expect(broken.entries.length).toBeGreaterThanOrEqual(2);
    const json = await parseFeed(read('trafilatura/feed.json'), 'feed.json');
    expect(json.entries.length).toBeGreaterThan(3);
    expect(json.entries[0]!.url).toMatch(/^https:\/\/www\.npr\.org\//);
    await expect(parseFeed(read('node-feedparser/notafeed.html'), 'notafeed.html')).rejects.toThrow(
      /not a feed/,
    );
  });

  it('parses news sitemaps, indexes without <loc>, prefixed namespaces and text sitemaps', () => {
    const read = (file: string) => fs.readFileSync(path.join(FIXTURES, 'sitemaps', file), 'utf8');
    const news = parseSitemap(
      read('crawler-commons/sitemaps__extension__shinpaideshou-news-sitemap.xml'),
      'news',
    );
    expect(news.entries).toHaveLength(3);
    expect(news.entries[0]!.date).toBe('2017-04-25T10:00:36.000Z');
    expect(parseSitemap(read('crawler-commons/sitemaps__sitemap.index.xml'), 'index')).toMatchObject({
      kind: 'index',
    });
    expect(parseSitemap(read('crawler-commons/sitemaps__sitemap.index.xml'), 'index').entries).toHaveLength(
      15,
    );
    expect(
      parseSitemap(read('crawler-commons/sitemaps__sitemap.ns.xml'), 'ns').entries.length,
    ).toBeGreaterThan(0);
    expect(parseSitemap(read('trafilatura/sitemap.xml'), 'sitemaps.org').entries).toHaveLength(84);
    expect(
      parseSitemap(read('crawler-commons/sitemaps__sitemap-with-bom.txt'), 'bom').entries.length,
    ).toBeGreaterThan(0);
  });
});

describe.skipIf(!HAS_SHARED)('WARC files', () => {
  it('ingests the HTML responses of real WARC fixtures and survives the malformed ones', async () => {
    const store = freshStore();
    const dir = path.join(FIXTURES, 'warc');
    const files = [
      'jwarc/cc.warc.gz',
      'warcio/example.warc.gz',
      'warcio/example-iana.org-chunked.warc',
      'warcio/example-trunc.warc',
      'warcio/example-wrong-chunks.warc.gz',
      'warcio/example-digest.warc',
    ];
    const summary = await ingestSources(
      files.map((file) => path.join(dir, file)),
      { store, maxFileBytes: MAX },
    );
    expect(summary.added).toBeGreaterThanOrEqual(3);
    const commonCrawl = (await store.searchPassages({ terms: ['common', 'crawl'], limit: 1 }))[0]!.article;
    expect(commonCrawl.source).toBe('http://commoncrawl.org/');
    await store.close();
  });

  it('ingests a per-record-gzip WARC of news pages written with warcio', async () => {
    const dir = tempDir('warc');
    const file = path.join(dir, 'news.warc.gz');
    const names = ['nytimes-1', 'bbc-1', 'guardian-1', 'wapo-1', 'cnn'];
    const parts: Uint8Array[] = [];
    for (const name of names) {
      const record = WARCRecord.create(
        {
          url: `https://news.example/${name}`,
          date: '2025-10-19T10:00:00Z',
          type: 'response',
          warcVersion: 'WARC/1.1',
          httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' },
        },
        (async function* () {
          yield page(name);
        })(),
      );
      parts.push(await WARCSerializer.serialize(record, { gzip: true }));
    }
    fs.writeFileSync(file, Buffer.concat(parts));
    const store = freshStore();
    const summary = await ingestSources([file], { store, maxFileBytes: MAX });
    expect(summary).toMatchObject({ added: 5, failed: 0 });
    expect((await store.searchPassages({ terms: ['sudan', 'sanctions'], limit: 1 }))[0]!.article.source).toBe(
      'https://news.example/nytimes-1',
    );
    await store.close();
  });
});
