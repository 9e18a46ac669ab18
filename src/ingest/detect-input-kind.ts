import path from 'node:path';

/** Kinds a single article comes in. */
export type ArticleKind = 'html' | 'text' | 'markdown';
/** Kinds a file name announces; `xml` may be a feed or a sitemap, decided by content. */
export type InputKind = ArticleKind | 'jsonl' | 'xml' | 'warc';

const BY_EXTENSION: Record<string, InputKind> = {
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  // Feeds and sitemaps: what they are is read from their content.
  '.xml': 'xml',
  '.rss': 'xml',
  '.atom': 'xml',
  '.warc': 'warc',
};

/** The kind a file's extension names, or null when the extension is not one Verity reads. */
export function inputKindFromPath(filePath: string): InputKind | null {
  // `page.html.gz` is read as `page.html` (files are gunzipped on read).
  const name = filePath.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.warc')) return 'warc';
  return BY_EXTENSION[path.extname(name)] ?? null;
}

/** For a file named explicitly with an unknown extension: HTML if it looks like markup, else text. */
export function sniffInputKind(text: string): ArticleKind {
  return /^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[\s>])/i.test(text) ? 'html' : 'text';
}
