import { XMLParser } from 'fast-xml-parser';
import { InputError } from '../errors.js';
import { parseDate } from '../extract/parse-date.js';

export interface SitemapEntry {
  url: string;
  /** `news:publication_date`, else `lastmod`, as ISO. */
  date: string | null;
  title: string | null;
}

/** A urlset lists pages; an index lists further sitemaps. */
export interface ParsedSitemap {
  kind: 'urlset' | 'index';
  entries: SitemapEntry[];
}

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  trimValues: true,
  parseTagValue: false,
  isArray: (name) => name === 'url' || name === 'sitemap',
});

type Node = Record<string, unknown> | string;

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (value && typeof value === 'object' && '#text' in value)
    return text((value as Record<string, unknown>)['#text']);
  return null;
}

function entryOf(node: Node): SitemapEntry | null {
  // A malformed index may hold the URL as bare text with no <loc>; crawlers accept it, so do we.
  const url = typeof node === 'string' ? node.trim() : text(node.loc);
  if (!url || !/^https?:\/\//i.test(url)) return null;
  const news = typeof node === 'object' ? (node.news as Record<string, unknown> | undefined) : undefined;
  const lastmod = typeof node === 'object' ? text(node.lastmod) : null;
  return { url, date: parseDate(text(news?.publication_date) ?? lastmod), title: text(news?.title) };
}

/** Whether text is a sitemap (XML urlset or index, or a plain list of URLs). */
export function looksLikeSitemap(content: string): boolean {
  const head = content.slice(0, 2000);
  return /<(\w+:)?(urlset|sitemapindex)[\s>]/.test(head) || isTextSitemap(content);
}

function isTextSitemap(content: string): boolean {
  const lines = content
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.length > 0 && lines.every((line) => /^https?:\/\/\S+$/i.test(line));
}

/**
 * Parses an XML sitemap (urlset or sitemap index, any namespace prefix, Google News extension) or
 * a text sitemap (one URL per line) with fast-xml-parser. Throws `InputError` for anything else.
 */
export function parseSitemap(content: string, source: string): ParsedSitemap {
  if (isTextSitemap(content)) {
    const urls = content
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    return { kind: 'urlset', entries: urls.map((url) => ({ url, date: null, title: null })) };
  }
  let document: Record<string, unknown>;
  try {
    document = parser.parse(content) as Record<string, unknown>;
  } catch (error) {
    throw new InputError(source, `not a readable sitemap: ${(error as Error).message}`, { cause: error });
  }
  const urlset = document.urlset as Record<string, unknown> | undefined;
  const index = document.sitemapindex as Record<string, unknown> | undefined;
  if (urlset) {
    const nodes = (urlset.url as Node[] | undefined) ?? [];
    return {
      kind: 'urlset',
      entries: nodes.map(entryOf).filter((entry): entry is SitemapEntry => entry !== null),
    };
  }
  if (index) {
    const nodes = (index.sitemap as Node[] | undefined) ?? [];
    return {
      kind: 'index',
      entries: nodes.map(entryOf).filter((entry): entry is SitemapEntry => entry !== null),
    };
  }
  throw new InputError(source, 'not a sitemap: the root element is neither <urlset> nor <sitemapindex>');
}
