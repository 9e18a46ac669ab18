import { createHash } from 'node:crypto';
import type { ExtractedArticle } from '../types.js';

/** Hash of what a reader sees (title and body, whitespace-normalised): the identity of an article version. */
export function contentHash(article: Pick<ExtractedArticle, 'title' | 'text'>): string {
  const normalised = `${article.title ?? ''}\n${article.text}`.replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normalised).digest('hex');
}
