import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import type { Difference } from '../eval/metrics.js';
import type { EvalResult } from '../eval/run-eval.js';
import { EVAL_LABELS } from '../eval/eval-format.js';
import { VERDICT_LABELS } from '../eval/verdict-scores.js';

const KEYS = [
  'hit@5',
  'recall@5',
  'recall@10',
  'accuracy',
  'macroF1',
  'ece',
  'citationValidity',
  'p50Ms',
  'p95Ms',
] as const;

/** "+0.029 (+0.012…+0.046)": a difference and its interval. */
export function signed({ value, low, high }: Difference): string {
  if (Number.isNaN(value)) return '–';
  const number = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;
  return `${number(value)} (${number(low)}…${number(high)})`;
}

export function formatEvalTable(name: string, result: EvalResult): string {
  const cell = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(3));
  const header = `| ${name} (${result.claims} claims, ${result.corpus} corpus lines) | ${KEYS.join(' | ')} |`;
  return [
    header,
    `|${' --- |'.repeat(KEYS.length + 1)}`,
    `| baseline: BM25 + majority label | ${KEYS.map((key) => cell(result.baseline[key])).join(' | ')} |`,
    `| Verity | ${KEYS.map((key) => cell(result[key])).join(' | ')} |`,
    `| Verity − baseline (95% interval) | ${KEYS.map((key) => {
      const difference =
        key in result.difference ? result.difference[key as keyof EvalResult['difference']] : null;
      return difference ? signed(difference) : '';
    }).join(' | ')} |`,
    '',
    formatVerdictScores(result),
  ].join('\n');
}

/** Verity's six labels against the gold ones, per-label precision and the risk–coverage table. */
export function formatVerdictScores(result: EvalResult): string {
  const cell = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(3));
  const scores = result.verdicts;
  return [
    `Verity's verdicts (rows: gold label; columns: Verity's label; "reported" scores as not enough info):`,
    '',
    `| gold \\ Verity | ${VERDICT_LABELS.join(' | ')} |`,
    `|${' --- |'.repeat(VERDICT_LABELS.length + 1)}`,
    ...EVAL_LABELS.filter((gold) => scores.matrix[gold]).map(
      (gold) =>
        `| ${gold} | ${VERDICT_LABELS.map((label) => scores.matrix[gold]?.[label] ?? 0).join(' | ')} |`,
    ),
    '',
    `| precision of supported | precision of contradicted | refuted called supported | refuted called supported or reported |`,
    `| --- | --- | --- | --- |`,
    `| ${[
      scores.supportedPrecision,
      scores.contradictedPrecision,
      scores.refutedCalledSupported,
      scores.refutedCalledSupportedOrReported,
    ]
      .map(cell)
      .join(' | ')} |`,
    '',
    'Risk–coverage (a supported or contradicted verdict counts as definite only at or above the confidence floor):',
    '',
    `| confidence floor | ${scores.riskCoverage.map((row) => row.minConfidence.toFixed(1)).join(' | ')} |`,
    `|${' --- |'.repeat(scores.riskCoverage.length + 1)}`,
    `| definite verdicts (share of claims) | ${scores.riskCoverage.map((row) => `${row.claims} (${cell(row.coverage)})`).join(' | ')} |`,
    `| precision | ${scores.riskCoverage.map((row) => cell(row.precision)).join(' | ')} |`,
  ].join('\n');
}

export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description(
      'evaluate Verity on a corpus and labelled claims in the generic format (docs/eval-format.md)',
    )
    .requiredOption(
      '--corpus <file>',
      'corpus JSONL: {"id", "text", "title"?, "url"?, "outlet"?, "published"?}',
    )
    .requiredOption('--claims <file>', 'claims JSONL: {"id", "claim", "label", "evidence": [corpus ids]}')
    .option('--format <format>', 'table | json', 'table')
    .action(async (options: { corpus: string; claims: string; format: string }) => {
      if (!['table', 'json'].includes(options.format))
        throw new UsageError(`Unknown format "${options.format}"; use table or json.`);
      const { readEvalClaims, readEvalCorpus } = await import('../eval/eval-format.js');
      const { runEval } = await import('../eval/run-eval.js');
      const { loadConfig } = await import('../config.js');
      const { configuredVectors } = await import('../retrieve/word-vectors.js');
      const result = await runEval(readEvalCorpus(options.corpus), readEvalClaims(options.claims), {
        vectors: configuredVectors(loadConfig()),
      });
      console.log(
        options.format === 'json' ? JSON.stringify(result) : formatEvalTable(options.claims, result),
      );
    });
}
