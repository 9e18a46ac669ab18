import fs from 'node:fs';
import readline from 'node:readline';
import { InputError } from '../errors.js';
import { extractArticle } from '../extract/extract-article.js';
import { htmlToText } from '../extract/html-to-text.js';
import { nextPageUrl } from '../extract/next-page-url.js';
import type { ExtractedArticle } from '../types.js';
import { classifyContent, kindFromContentType, type ContentKind } from './classify-content.js';
import { decodeBytes } from './decode-bytes.js';
import { gunzipIfNeeded } from './gunzip-if-needed.js';
import { inputKindFromPath } from './detect-input-kind.js';
import type { Fetcher } from './fetcher.js';
import { parseFeed, type FeedEntry } from './parse-feed.js';
import { parseJsonlLine } from './parse-jsonl-line.js';
import { parseSitemap } from './parse-sitemap.js';
import { readInputFile } from './read-input-file.js';
import { readWarcPages } from './read-warc.js';

/** One article to store, or one item that failed, with the place it came from. */
export type IngestItem =
  { source: string; article: ExtractedArticle; warning?: string } | { source: string; error: string };

export interface SourceContext {
  fetcher: Fetcher;
  maxFileBytes: number;
  /** ISO date: feed entries and sitemap URLs dated before it are left out. */
  since: string | null;
}

/** A feed entry whose own content has at least this much text is stored without fetching its page. */
export const FULL_CONTENT_MIN_CHARS = 800;
/** Sitemap indexes are followed this deep. */
export const MAX_SITEMAP_DEPTH = 3;

function failure(source: string, error: unknown): IngestItem {
  const reason =
    error instanceof InputError
      ? error.message
      : `unexpected error: ${(error as Error).message ?? String(error)}`;
  return { source, error: reason };
}

function isBefore(date: string | null, since: string | null): boolean {
  return Boolean(since && date && date.slice(0, 10) < since);
}

/** Items from text whose kind is known: a page becomes one article; a feed or sitemap fans out. */
async function* itemsFromContent(
  source: string,
  content: string,
  kind: ContentKind,
  url: string | null,
  context: SourceContext,
): AsyncGenerator<IngestItem> {
  if (kind === 'feed') {
    yield* feedItems(source, content, url, context);
  } else if (kind === 'sitemap') {
    yield* sitemapItems(source, content, context, 0);
  } else {
    const article = extractArticle(content, kind, url);
    yield { source, article: url && !article.url ? { ...article, url } : article };
  }
}

/** Fetches a URL and yields what it holds. */
export async function* urlItems(
  url: string,
  context: SourceContext,
  fallback?: Partial<ExtractedArticle>,
): AsyncGenerator<IngestItem> {
  let resource;
  try {
    resource = await context.fetcher.fetch(url);
  } catch (error) {
    yield failure(url, error);
    return;
  }
  let text: string;
  try {
    text = decodeBytes(gunzipIfNeeded(url, resource.bytes, context.maxFileBytes), resource.charset).text;
  } catch (error) {
    yield failure(url, error);
    return;
  }
  const kind = classifyContent(text, kindFromContentType(resource.contentType));
  const pages = kind === 'html' ? await continuationPages(text, resource.url, context) : [];
  for await (const item of itemsFromContent(resource.url, text, kind, resource.url, context)) {
    if ('article' in item && pages.length > 0) item.article.text = joinPages(item.article.text, pages);
    if ('article' in item && fallback) {
      const merged = { ...item.article };
      for (const [key, value] of Object.entries(fallback) as Array<[keyof ExtractedArticle, never]>) {
        const current = merged[key] as unknown;
        if (current === null || (Array.isArray(current) && current.length === 0)) merged[key] = value;
      }
      yield { ...item, article: merged };
    } else yield item;
  }
}

/** Pages an article is split over are followed this far. */
export const MAX_CONTINUATION_PAGES = 5;

/** Bodies of the further pages of a paginated article, in order; a page that fails ends the chain. */
async function continuationPages(html: string, url: string, context: SourceContext): Promise<string[]> {
  const bodies: string[] = [];
  const seen = new Set([url]);
  let next = nextPageUrl(html, url);
  while (next && !seen.has(next) && bodies.length < MAX_CONTINUATION_PAGES) {
    seen.add(next);
    try {
      const page = await context.fetcher.fetch(next);
      const pageHtml = decodeBytes(gunzipIfNeeded(next, page.bytes, context.maxFileBytes), page.charset).text;
      bodies.push(extractArticle(pageHtml, 'html', page.url).text);
      next = nextPageUrl(pageHtml, page.url);
    } catch {
      break;
    }
  }
  return bodies;
}

/** Appends further pages, leaving out paragraphs the article already has (repeated intros, captions). */
function joinPages(first: string, more: string[]): string {
  const paragraphs = first.split('\n\n');
  const seen = new Set(paragraphs);
  for (const paragraph of more.flatMap((body) => body.split('\n\n'))) {
    if (!seen.has(paragraph)) {
      paragraphs.push(paragraph);
      seen.add(paragraph);
    }
  }
  return paragraphs.join('\n\n');
}

function entryFallback(entry: FeedEntry, feedTitle: string | null): Partial<ExtractedArticle> {
  return { title: entry.title, published: entry.published, authors: entry.authors, outlet: feedTitle };
}

async function* feedItems(
  source: string,
  content: string,
  baseUrl: string | null,
  context: SourceContext,
): AsyncGenerator<IngestItem> {
  let feed;
  try {
    feed = await parseFeed(content, source, baseUrl);
  } catch (error) {
    yield failure(source, error);
    return;
  }
  for (const [index, entry] of feed.entries.entries()) {
    if (isBefore(entry.published, context.since)) continue;
    const where = entry.url ?? `${source}#entry-${index + 1}`;
    const bodyText = entry.contentHtml ? htmlToText(entry.contentHtml) : '';
    const fromFeed = (): IngestItem => {
      const article = extractArticle(
        `<html><body><article>${entry.contentHtml}</article></body></html>`,
        'html',
        entry.url,
      );
      return {
        source: where,
        article: {
          ...article,
          title: entry.title ?? article.title,
          published: entry.published ?? article.published,
          authors: entry.authors.length ? entry.authors : article.authors,
          outlet: article.outlet ?? feed.title,
          url: entry.url,
        },
      };
    };
    if (bodyText.length >= FULL_CONTENT_MIN_CHARS || (!entry.url && bodyText)) {
      yield fromFeed();
    } else if (entry.url) {
      for await (const item of urlItems(entry.url, context, entryFallback(entry, feed.title))) {
        // When the page cannot be fetched, the feed's own summary is better than nothing, flagged as such.
        if ('error' in item && bodyText)
          yield { ...fromFeed(), warning: `stored the feed's summary only: ${item.error}` };
        else yield item;
      }
    } else {
      yield { source: where, error: 'feed entry has neither a link nor content' };
    }
  }
}

async function* sitemapItems(
  source: string,
  content: string,
  context: SourceContext,
  depth: number,
): AsyncGenerator<IngestItem> {
  let sitemap;
  try {
    sitemap = parseSitemap(content, source);
  } catch (error) {
    yield failure(source, error);
    return;
  }
  for (const entry of sitemap.entries) {
    if (isBefore(entry.date, context.since)) continue;
    if (sitemap.kind === 'urlset') {
      yield* urlItems(entry.url, context, { title: entry.title, published: entry.date });
      continue;
    }
    if (depth >= MAX_SITEMAP_DEPTH) {
      yield {
        source: entry.url,
        error: `sitemap index nested deeper than ${MAX_SITEMAP_DEPTH} levels; not followed`,
      };
      continue;
    }
    try {
      const child = await context.fetcher.fetch(entry.url);
      const bytes = gunzipIfNeeded(child.url, child.bytes, context.maxFileBytes);
      yield* sitemapItems(child.url, decodeBytes(bytes, child.charset).text, context, depth + 1);
    } catch (error) {
      yield failure(entry.url, error);
    }
  }
}

/** Streams a JSONL file line by line (bounded memory); a bad line fails alone. */
async function* jsonlItems(filePath: string, context: SourceContext): AsyncGenerator<IngestItem> {
  const lines = readline.createInterface({
    input: fs.createReadStream(filePath, 'utf8'),
    crlfDelay: Infinity,
  });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    const where = `${filePath}:${lineNumber}`;
    try {
      if (line.length > context.maxFileBytes)
        throw new InputError(where, `line is over the ${context.maxFileBytes}-byte limit`);
      const { key, article } = parseJsonlLine(line, where);
      yield { source: key ?? where, article };
    } catch (error) {
      yield failure(where, error);
    }
  }
}

async function* warcItems(filePath: string, context: SourceContext): AsyncGenerator<IngestItem> {
  try {
    for await (const page of readWarcPages(filePath, context.maxFileBytes)) {
      if ('error' in page) {
        yield { source: `${filePath}#${page.url}`, error: page.error };
        continue;
      }
      const { text } = decodeBytes(page.bytes, page.charset);
      const article = extractArticle(text, 'html', page.url);
      yield {
        source: page.url,
        article: { ...article, url: article.url ?? page.url, published: article.published ?? null },
      };
    }
  } catch (error) {
    yield failure(
      filePath,
      new InputError(filePath, `the WARC file is damaged or not WARC: ${(error as Error).message}`, {
        cause: error,
      }),
    );
  }
}

/** Items from one file: JSONL and WARC stream; other files are read, classified and extracted. */
export async function* fileItems(filePath: string, context: SourceContext): AsyncGenerator<IngestItem> {
  if (/\.warc(\.gz)?$/i.test(filePath)) {
    yield* warcItems(filePath, context);
    return;
  }
  const kindFromPath = inputKindFromPath(filePath);
  if (kindFromPath === 'jsonl') {
    yield* jsonlItems(filePath, context);
    return;
  }
  let decoded;
  try {
    decoded = await readInputFile(filePath, context.maxFileBytes);
  } catch (error) {
    yield failure(filePath, error);
    return;
  }
  const kind = classifyContent(decoded.text, kindFromPath);
  const warning = decoded.guessed ? `encoding not declared; read as ${decoded.encoding}` : undefined;
  try {
    for await (const item of itemsFromContent(filePath, decoded.text, kind, null, context)) {
      yield warning && 'article' in item && kind !== 'feed' && kind !== 'sitemap'
        ? { ...item, warning }
        : item;
    }
  } catch (error) {
    yield failure(filePath, error);
  }
}
