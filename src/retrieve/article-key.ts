import type { StoredArticle } from '../types.js';

/**
 * Which article a sentence belongs to when reading sentences together: same address, else same
 * headline, else the stored article (an evaluation corpus stores each line as its own article and
 * groups the lines of one document by address).
 */
export function articleKey(article: StoredArticle): string {
  return article.url ?? article.title ?? article.id;
}
