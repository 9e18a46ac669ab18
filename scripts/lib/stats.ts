import { percentile } from '../../src/eval/metrics.js';

export { percentile };

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** A Markdown table from a header and rows. */
export function table(header: string[], rows: Array<Array<string | number>>): string {
  const lines = [header, header.map(() => '---'), ...rows.map((row) => row.map(String))];
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
