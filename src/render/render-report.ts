import { UsageError } from '../errors.js';
import type { Report } from '../types.js';
import { renderClaimReview } from './render-claimreview.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';

export const REPORT_FORMATS = ['markdown', 'json', 'html', 'claimreview'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const RENDERERS: Record<ReportFormat, (report: Report) => string> = {
  markdown: renderMarkdown,
  json: renderJson,
  html: renderHtml,
  claimreview: (report) => renderClaimReview(report),
};

export function renderReport(report: Report, format: string): string {
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`Unknown format "${format}"; use one of: ${REPORT_FORMATS.join(', ')}.`);
  }
  return RENDERERS[format as ReportFormat](report);
}
