import type { ExtractedArticle } from '../types.js';
import { extractHtml } from './extract-html.js';

/** Worker-thread entry (piscina): extracts one HTML page. */
export default function extractInWorker(task: { html: string; url: string | null }): ExtractedArticle {
  return extractHtml(task.html, task.url);
}
