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

/** A latency table row: name, runs, p50, p95, p99 (ms) and the p50 as a multiple of the baseline's. */
export function latencyRow(
  name: string,
  values: number[],
  base: number[],
  ratioDigits = 1,
): Array<string | number> {
  return [
    name,
    values.length,
    median(values).toFixed(2),
    percentile(values, 95).toFixed(2),
    percentile(values, 99).toFixed(2),
    (median(values) / median(base)).toFixed(ratioDigits),
  ];
}
