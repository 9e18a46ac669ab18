import type { Report } from '../types.js';

/** The canonical report model, pretty-printed. Key order follows the model, so output is stable. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
