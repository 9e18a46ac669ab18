import type { ArticleKind } from '../ingest/detect-input-kind.js';
import type { ExtractedArticle } from '../types.js';
import { extractHtml } from './extract-html.js';
import { extractText } from './extract-text.js';

/** Dispatches on input kind. JSONL lines are already articles and do not come through here. */
export function extractArticle(
  content: string,
  kind: ArticleKind,
  url: string | null = null,
): ExtractedArticle {
  if (kind === 'html') return extractHtml(content, url);
  return extractText(content, kind);
}
