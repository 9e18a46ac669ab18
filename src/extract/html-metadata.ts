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

/**
 * The page's meta tags by `property` and by `name`, the first of each in document order (as
 * `querySelector('meta[property="…"]')` finds it), read in one pass: asking the DOM once per key
 * walked the whole page some fifty times.
 */
interface MetaTags {
  byProperty: Map<string, Element>;
  byName: Map<string, Element>;
}

function metaTags(document: Document): MetaTags {
  const byProperty = new Map<string, Element>();
  const byName = new Map<string, Element>();
  for (const element of document.querySelectorAll('meta')) {
    const property = element.getAttribute('property');
    if (property !== null && !byProperty.has(property)) byProperty.set(property, element);
    const name = element.getAttribute('name');
    if (name !== null && !byName.has(name)) byName.set(name, element);
  }
  return { byProperty, byName };
}

function meta(tags: MetaTags, ...keys: string[]): string | null {
  for (const key of keys) {
    const element = tags.byProperty.get(key) ?? tags.byName.get(key);
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
  const tags = metaTags(document);
  return {
    title: asText(ld.headline) ?? meta(tags, 'og:title', 'twitter:title', 'dc.title'),
    ogTitle: meta(tags, 'og:title', 'twitter:title'),
    description: asText(ld.description) ?? meta(tags, 'og:description', 'description', 'twitter:description'),
    authors: cleanAuthors(authorsFromLd),
    metaAuthors: cleanAuthors(meta(tags, 'author', 'article:author', 'dc.creator', 'byl')),
    outlet: asText(ld.publisher) ?? meta(tags, 'og:site_name', 'application-name'),
    section: asText(ld.articleSection) ?? meta(tags, 'article:section', 'section'),
    published: parseDate(
      asText(ld.datePublished) ??
        meta(
          tags,
          'article:published_time',
          'datePublished',
          'pubdate',
          'date',
          'dc.date',
          'citation_date',
        ) ??
        timeElement,
    ),
    updated: parseDate(asText(ld.dateModified) ?? meta(tags, 'article:modified_time', 'og:updated_time')),
    language: document.documentElement?.getAttribute('lang')?.trim() || meta(tags, 'og:locale', 'language'),
    canonicalUrl: canonical ?? meta(tags, 'og:url') ?? asText(ld.url),
    jsonLdBody: asText(ld.articleBody) ?? liveBlogBody(ld),
  };
}
