import { analyzeClaim } from '../assess/analyze-claim.js';
import { checkClaimDetailed } from '../check-claim.js';
import type { VectorScorer, VectorSlot } from '../retrieve/vector-score.js';
import { DEFAULT_PASSAGE_POOL } from '../retrieve/retrieve-passages.js';
import type { LearnedModels } from '../assess/learned-models.js';
import type { Report, VerdictLabel } from '../types.js';
import { scoreVerdicts, VERDICT_TO_EVAL, type VerdictScores } from './verdict-scores.js';
import type { EvalClaimLine, EvalCorpusLine, EvalLabel } from './eval-format.js';
import { loadEvalStore } from './load-eval-store.js';
import {
  accuracy,
  expectedCalibrationError,
  hitAt,
  macroF1,
  macroF1Difference,
  meanDifference,
  percentile,
  recallAt,
  type Difference,
} from './metrics.js';

export { VERDICT_TO_EVAL } from './verdict-scores.js';

export interface EvalScores {
  'hit@5': number;
  'recall@5': number;
  'recall@10': number;
  accuracy: number;
  macroF1: number;
  citationValidity: number;
  p50Ms: number;
  p95Ms: number;
  /** Expected calibration error of the verdict confidence (Verity only). */
  ece: number;
}

export interface EvalResult extends EvalScores {
  claims: number;
  corpus: number;
  /** Verity's verdicts: confusion[gold label][predicted label] = claims. */
  confusion: Partial<Record<EvalLabel, Partial<Record<EvalLabel, number>>>>;
  /** Verity's six labels against the gold ones, per-label precision, risk–coverage. */
  verdicts: VerdictScores;
  baseline: EvalScores;
  /** Verity minus the baseline, with a 95% paired-bootstrap interval over the claims. */
  difference: Record<'hit@5' | 'recall@10' | 'macroF1', Difference>;
}

function mean(values: number[]): number {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : Number.NaN;
}

/** Share of report sentences whose citations are non-empty and all resolve to listed sources. */
function citationValidity(report: Report): { valid: number; total: number } {
  const numbers = new Set(report.sources.map((source) => source.n));
  const sentences = [
    ...report.summary,
    ...report.sections.flatMap((section) => section.sentences),
    ...report.bottomLine,
  ];
  const valid = sentences.filter(
    (sentence) =>
      (sentence.citations.length > 0 || report.sources.length === 0) &&
      sentence.citations.every((n) => numbers.has(n)),
  ).length;
  return { valid, total: sentences.length };
}

/**
 * Runs Verity over a corpus and labelled claims in the generic format, in an in-memory store, and
 * scores it beside the baseline (plain BM25 ranking, majority label of the claims) in the same run.
 */
export async function runEval(
  corpus: EvalCorpusLine[],
  claims: EvalClaimLine[],
  options: {
    vectors?: VectorSlot;
    /** Models to check with (the leave-one-dataset-out protocol fits its own); default: the shipped ones. */
    models?: LearnedModels;
    /** A sentence encoder's similarity, for models fitted with one. */
    dense?: VectorScorer;
  } = {},
): Promise<EvalResult> {
  const store = await loadEvalStore(corpus);
  const labelCounts = new Map<EvalLabel, number>();
  for (const claim of claims) labelCounts.set(claim.label, (labelCounts.get(claim.label) ?? 0) + 1);
  const majority = [...labelCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];

  const verity = {
    hit5: [] as number[],
    r5: [] as number[],
    r10: [] as number[],
    labels: [] as EvalLabel[],
    verdicts: [] as VerdictLabel[],
    ms: [] as number[],
    confidence: [] as number[],
  };
  const base = { hit5: [] as number[], r5: [] as number[], r10: [] as number[], ms: [] as number[] };
  let validSentences = 0;
  let allSentences = 0;
  for (const claim of claims) {
    let start = performance.now();
    const bm25 = await store.searchPassages({
      terms: analyzeClaim(claim.claim).terms,
      limit: DEFAULT_PASSAGE_POOL,
    });
    base.ms.push(performance.now() - start);
    start = performance.now();
    const { report, ranked } = await checkClaimDetailed(claim.claim, {
      store,
      asOf: '2100-01-01',
      vectors: options.vectors,
      models: options.models,
      dense: options.dense,
    });
    verity.ms.push(performance.now() - start);
    // A claim read as an open question ("Who …") gets an answer, not a verdict: no verdict is given.
    const label =
      report.verdict.label === 'answered' || report.verdict.label === 'not-answered'
        ? 'unsettled'
        : report.verdict.label;
    verity.labels.push(VERDICT_TO_EVAL[label]);
    verity.verdicts.push(label);
    verity.confidence.push(report.verdict.confidence);
    const validity = citationValidity(report);
    validSentences += validity.valid;
    allSentences += validity.total;
    if (claim.evidence.length === 0) continue;
    const verityIds = [...new Set(ranked.map((item) => item.article.source))];
    const baseIds = bm25.map((hit) => hit.article.source);
    verity.hit5.push(hitAt(verityIds, claim.evidence, 5));
    verity.r5.push(recallAt(verityIds, claim.evidence, 5));
    verity.r10.push(recallAt(verityIds, claim.evidence, 10));
    base.hit5.push(hitAt(baseIds, claim.evidence, 5));
    base.r5.push(recallAt(baseIds, claim.evidence, 5));
    base.r10.push(recallAt(baseIds, claim.evidence, 10));
  }
  await store.close();
  const gold = claims.map((claim) => claim.label);
  const majorityLabels = claims.map(() => majority);
  const confusion: EvalResult['confusion'] = {};
  gold.forEach((label, index) => {
    const row = (confusion[label] ??= {});
    const predicted = verity.labels[index]!;
    row[predicted] = (row[predicted] ?? 0) + 1;
  });
  const difference = {
    'hit@5': meanDifference(verity.hit5, base.hit5),
    'recall@10': meanDifference(verity.r10, base.r10),
    macroF1: macroF1Difference(gold, verity.labels, majorityLabels),
  };
  return {
    claims: claims.length,
    difference,
    corpus: corpus.length,
    confusion,
    verdicts: scoreVerdicts(gold, verity.verdicts, verity.confidence),
    'hit@5': mean(verity.hit5),
    'recall@5': mean(verity.r5),
    'recall@10': mean(verity.r10),
    accuracy: accuracy(gold, verity.labels),
    macroF1: macroF1(gold, verity.labels),
    citationValidity: allSentences ? validSentences / allSentences : Number.NaN,
    p50Ms: percentile(verity.ms, 50),
    p95Ms: percentile(verity.ms, 95),
    ece: expectedCalibrationError(
      verity.confidence,
      gold.map((label, index) => verity.labels[index] === label),
    ),
    baseline: {
      'hit@5': mean(base.hit5),
      'recall@5': mean(base.r5),
      'recall@10': mean(base.r10),
      accuracy: accuracy(gold, majorityLabels),
      macroF1: macroF1(gold, majorityLabels),
      citationValidity: Number.NaN,
      p50Ms: percentile(base.ms, 50),
      p95Ms: percentile(base.ms, 95),
      ece: Number.NaN,
    },
  };
}
