import { cleanAuthors } from './clean-authors.js';
import { parseDate } from './parse-date.js';

/** Metadata a page declares about itself, before Readability's own guesses. */
export interface PageMetadata {
  /** JSON-LD headline, else og:title, twitter:title or dc.title. */
  title: string | null;
  /** og:title on its own, as a second opinion on the headline. */
  ogTitle: string | null;
  description: string | null;
  /** Authors the JSON-LD names (the most reliable source). */
  authors: string[];
  /** Authors from meta tags, often template leftovers: used after the visible byline. */
  metaAuthors: string[];
  outlet: string | null;
  section: string | null;
  published: string | null;
  updated: string | null;
  language: string | null;
  canonicalUrl: string | null;
  /** `articleBody` from JSON-LD, when the page carries it. */
  jsonLdBody: string | null;
}

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES = /Article|BlogPosting|Report|LiveBlogPosting/;

/** A live blog's body: its updates in page order, each headline followed by its text. */
function liveBlogBody(ld: JsonObject): string | null {
  const updates = ld.liveBlogUpdate;
  if (!Array.isArray(updates) || updates.length === 0) return null;
  const parts = (updates as JsonObject[]).flatMap((update) => [
    asText(update.headline),
    asText(update.articleBody),
  ]);
  return parts.filter(Boolean).join('\n') || null;
}

function asText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return asText(value[0]);
  if (value && typeof value === 'object' && 'name' in value) return asText((value as JsonObject).name);
  return null;
}

function namesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(namesOf);
  const name = asText(value);
  return name ? [name] : [];
}

/** Every JSON-LD object on the page, with `@graph` arrays flattened. */
function jsonLdObjects(document: Document): JsonObject[] {
  const objects: JsonObject[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      objects.push(value as JsonObject);
      if ('@graph' in value) visit((value as JsonObject)['@graph']);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // Malformed JSON-LD is common on real pages; the other sources of metadata still apply.
    }
  }
  return objects;
}

function meta(document: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    const element =
      document.querySelector(`meta[property="${key}"]`) ?? document.querySelector(`meta[name="${key}"]`);
    const content = element?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return null;
}

/** Reads JSON-LD (NewsArticle and kin), OpenGraph, `article:*`, Dublin Core and plain meta tags. */
export function readPageMetadata(document: Document): PageMetadata {
  const article = jsonLdObjects(document).find((object) => ARTICLE_TYPES.test(String(object['@type'] ?? '')));
  const ld = article ?? {};
  const authorsFromLd = namesOf(ld.author);
  const timeElement = document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  return {
    title: asText(ld.headline) ?? meta(document, 'og:title', 'twitter:title', 'dc.title'),
    ogTitle: meta(document, 'og:title', 'twitter:title'),
    description:
      asText(ld.description) ?? meta(document, 'og:description', 'description', 'twitter:description'),
    authors: cleanAuthors(authorsFromLd),
    metaAuthors: cleanAuthors(meta(document, 'author', 'article:author', 'dc.creator', 'byl')),
    outlet: asText(ld.publisher) ?? meta(document, 'og:site_name', 'application-name'),
    section: asText(ld.articleSection) ?? meta(document, 'article:section', 'section'),
    published: parseDate(
      asText(ld.datePublished) ??
        meta(
          document,
          'article:published_time',
          'datePublished',
          'pubdate',
          'date',
          'dc.date',
          'citation_date',
        ) ??
        timeElement,
    ),
    updated: parseDate(asText(ld.dateModified) ?? meta(document, 'article:modified_time', 'og:updated_time')),
    language:
      document.documentElement?.getAttribute('lang')?.trim() || meta(document, 'og:locale', 'language'),
    canonicalUrl: canonical ?? meta(document, 'og:url') ?? asText(ld.url),
    jsonLdBody: asText(ld.articleBody) ?? liveBlogBody(ld),
  };
}
