import path from 'node:path';

export type InputKind = 'html' | 'text' | 'markdown' | 'jsonl';

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
};

/** The kind a file's extension names, or null when the extension is not one Verity reads. */
export function inputKindFromPath(filePath: string): InputKind | null {
  // `page.html.gz` is read as `page.html` (files are gunzipped on read).
  const name = filePath.toLowerCase().replace(/\.gz$/, '');
  return BY_EXTENSION[path.extname(name)] ?? null;
}

/** For a file named explicitly with an unknown extension: HTML if it looks like markup, else text. */
export function sniffInputKind(text: string): Exclude<InputKind, 'jsonl'> {
  return /^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[\s>])/i.test(text) ? 'html' : 'text';
}
