import FeedParser from 'feedparser';
import { InputError } from '../errors.js';
import { cleanAuthors } from '../extract/clean-authors.js';
import { parseDate } from '../extract/parse-date.js';

/** One entry of an RSS, Atom, RDF or JSON Feed. */
export interface FeedEntry {
  url: string | null;
  title: string | null;
  published: string | null;
  authors: string[];
  /** The entry's HTML content (full text when the feed carries it, else a summary). */
  contentHtml: string | null;
}

export interface ParsedFeed {
  title: string | null;
  entries: FeedEntry[];
}

interface JsonFeed {
  title?: string;
  items?: Array<{
    url?: string;
    id?: string;
    title?: string;
    content_html?: string;
    content_text?: string;
    date_published?: string;
    authors?: Array<{ name?: string }>;
    author?: { name?: string };
  }>;
}

function parseJsonFeed(text: string, source: string): ParsedFeed {
  const feed = JSON.parse(text) as JsonFeed;
  if (!Array.isArray(feed.items))
    throw new InputError(source, 'not a feed: a JSON Feed needs an "items" array');
  return {
    title: feed.title ?? null,
    entries: feed.items.map((item) => ({
      url: item.url ?? (item.id?.startsWith('http') ? item.id : null),
      title: item.title ?? null,
      published: parseDate(item.date_published),
      authors: cleanAuthors(
        [...(item.authors ?? []), ...(item.author ? [item.author] : [])].map((author) => author.name ?? ''),
      ),
      contentHtml:
        item.content_html ??
        (item.content_text
          ? `<p>${item.content_text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`
          : null),
    })),
  };
}

/**
 * Parses a feed with feedparser (RSS 0.9x–2.0, RDF, Atom 0.3/1.0; lenient about broken markup, so
 * an entry with an unescaped "&" does not sink the others) or a JSON Feed. `baseUrl` resolves
 * relative links. Throws `InputError` when the text is not a feed.
 */
export function parseFeed(text: string, source: string, baseUrl: string | null = null): Promise<ParsedFeed> {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{')) return Promise.resolve(parseJsonFeed(trimmed, source));
  return new Promise((resolve, reject) => {
    const parser = new FeedParser({ addmeta: true, feedurl: baseUrl ?? undefined });
    const entries: FeedEntry[] = [];
    let title: string | null = null;
    parser.on('meta', (meta: FeedParser.Meta) => {
      title = meta.title ?? null;
    });
    parser.on('readable', () => {
      let item: FeedParser.Item | null;
      while ((item = parser.read() as FeedParser.Item | null)) {
        entries.push({
          url: item.origlink ?? item.link ?? null,
          title: item.title ?? null,
          published: parseDate(item.pubdate?.toISOString() ?? item.date?.toISOString() ?? null),
          authors: cleanAuthors(item.author ?? null),
          contentHtml: item.description ?? item.summary ?? null,
        });
      }
    });
    parser.on('error', (error: Error) => {
      // feedparser reports recoverable sax errors too; only "Not a feed" before any entry is fatal.
      if (/not a feed/i.test(error.message) && entries.length === 0) {
        reject(
          new InputError(
            source,
            'not a feed (no RSS, Atom or RDF root element); ingest it as a page instead',
            { cause: error },
          ),
        );
      }
    });
    parser.on('end', () => resolve({ title, entries }));
    parser.end(trimmed);
  });
}
