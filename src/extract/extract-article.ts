import type { ArticleKind } from '../ingest/detect-input-kind.js';
import type { ExtractedArticle } from '../types.js';
import { DEFAULT_MARKUP_LIMITS, extractHtml } from './extract-html.js';
import type { MarkupLimits } from './measure-markup.js';
import { extractText } from './extract-text.js';

/** Dispatches on input kind. JSONL lines are already articles and do not come through here. */
export function extractArticle(
  content: string,
  kind: ArticleKind,
  url: string | null = null,
  limits: MarkupLimits = DEFAULT_MARKUP_LIMITS,
): ExtractedArticle {
  if (kind === 'html') return extractHtml(content, url, limits);
  return extractText(content, kind);
}
