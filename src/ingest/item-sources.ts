import { htmlToText } from '../extract/html-to-text.js';
import type { ExtractedArticle } from '../types.js';
import { classifyContent, kindFromContentType, type ContentKind } from './classify-content.js';
import { continuationPages, joinPages } from './continuation-pages.js';
import { decodeBytes } from './decode-bytes.js';
import { inputKindFromPath } from './detect-input-kind.js';
import { gunzipIfNeeded } from './gunzip-if-needed.js';
import { deferred, failure, isBefore, type IngestItem, type SourceContext } from './ingest-item.js';
import { parseFeed, type FeedEntry } from './parse-feed.js';
import { parseSitemap } from './parse-sitemap.js';
import { readInputFile } from './read-input-file.js';
import { jsonlItems, warcItems } from './stream-items.js';

export type { IngestItem, SourceContext } from './ingest-item.js';

/** A feed entry whose own content has at least this much text is stored without fetching its page. */
export const FULL_CONTENT_MIN_CHARS = 800;
/** Sitemap indexes are followed this deep. */
export const MAX_SITEMAP_DEPTH = 3;

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
    const article = context.extractor
      .extract(source, content, kind, url)
      .then((extracted) => (url && !extracted.url ? { ...extracted, url } : extracted));
    yield { source, article: deferred(article) };
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
    if (!('article' in item) || (pages.length === 0 && !fallback)) {
      yield item;
      continue;
    }
    const article = item.article.then((extracted) => {
      const merged =
        pages.length > 0 ? { ...extracted, text: joinPages(extracted.text, pages) } : { ...extracted };
      for (const [key, value] of Object.entries(fallback ?? {}) as Array<[keyof ExtractedArticle, never]>) {
        const current = merged[key] as unknown;
        if (current === null || (Array.isArray(current) && current.length === 0)) merged[key] = value;
      }
      return merged;
    });
    yield { ...item, article: deferred(article) };
  }
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
  for (const [index, entry] of feed.entries.slice(0, context.maxFeedEntries).entries()) {
    if (isBefore(entry.published, context.since)) continue;
    const where = entry.url ?? `${source}#entry-${index + 1}`;
    const bodyText = entry.contentHtml ? htmlToText(entry.contentHtml) : '';
    const fromFeed = (): IngestItem => {
      const article = context.extractor
        .extract(
          where,
          `<html><body><article>${entry.contentHtml}</article></body></html>`,
          'html',
          entry.url,
        )
        .then((extracted) => ({
          ...extracted,
          title: entry.title ?? extracted.title,
          published: entry.published ?? extracted.published,
          authors: entry.authors.length ? entry.authors : extracted.authors,
          outlet: extracted.outlet ?? feed.title,
          url: entry.url,
        }));
      return { source: where, article: deferred(article) };
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
  const over = overEntryBudget(source, feed.entries.length, context.maxFeedEntries);
  if (over) yield over;
}

/** One failure naming the entries of a feed or sitemap past the budget (they are not fetched). */
function overEntryBudget(source: string, entries: number, budget: number): IngestItem | null {
  if (entries <= budget) return null;
  const count = (n: number) => n.toLocaleString('en-US');
  return {
    source,
    error: `has ${count(entries)} entries; read the first ${count(budget)} and left ${count(entries - budget)} unread (VERITY_MAX_FEED_ENTRIES raises the limit)`,
  };
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
  for (const entry of sitemap.entries.slice(0, context.maxFeedEntries)) {
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
  const over = overEntryBudget(source, sitemap.entries.length, context.maxFeedEntries);
  if (over) yield over;
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
