import type { Evidence, Verdict, VerdictLabel } from '../types.js';
import type { Provenance } from './trace-provenance.js';

export const VERDICT_TITLES: Record<VerdictLabel, string> = {
  supported: 'Supported by the reporting',
  reported: 'Reported, not confirmed',
  disputed: 'Disputed',
  contradicted: 'Contradicted by the reporting',
  'not-found': 'Not found in the corpus',
};

/** A negated sentence counts against the claim only when it matches this much of it. */
export const NEGATION_MIN_COVERAGE = 0.6;

export function opposes(item: Evidence): boolean {
  return item.modality === 'denied' || (item.negated && item.coverage >= NEGATION_MIN_COVERAGE);
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

function round(value: number): number {
  return Math.round(Math.min(0.95, Math.max(0.05, value)) * 100) / 100;
}

/**
 * The documented verdict rule (docs/method.md):
 * - no evidence sentence → not-found (never "false");
 * - only opposing evidence → contradicted; opposing and supporting → disputed;
 * - supporting evidence stated as fact by at least two independent origins → supported;
 * - otherwise (attributed, promised, speculative, or a single origin) → reported.
 * Confidence grows with the coverage of the best evidence and the number of independent origins.
 */
export function decideVerdict(
  evidence: Evidence[],
  provenance: Provenance,
  closestCoverage: number,
): Verdict {
  if (evidence.length === 0) {
    return {
      label: 'not-found',
      title: VERDICT_TITLES['not-found'],
      confidence: round(1 - closestCoverage),
      reasons: [
        closestCoverage > 0
          ? `No sentence in the corpus holds enough of the claim's key terms; the closest holds ${percent(closestCoverage)} of their weight.`
          : 'No passage in the corpus shares a key term with the claim.',
        'Absence from the corpus is not evidence that the claim is false.',
      ],
    };
  }
  const against = evidence.filter(opposes);
  const support = evidence.filter((item) => !opposes(item));
  const asserted = support.filter((item) => item.modality === 'asserted');
  const best = Math.max(...evidence.map((item) => item.coverage));
  const reasons = [
    `${evidence.length} evidence sentence${evidence.length === 1 ? '' : 's'} in ${provenance.articleCount} article${provenance.articleCount === 1 ? '' : 's'} match the claim's key terms (best match ${percent(best)} of their weight).`,
    `The evidence traces to ${provenance.origins.length} independent origin${provenance.origins.length === 1 ? '' : 's'}: ${provenance.origins.join(', ')}.`,
  ];
  let label: VerdictLabel;
  if (support.length === 0) {
    label = 'contradicted';
    reasons.push(`All ${against.length} evidence sentences deny or negate it.`);
  } else if (against.length > 0) {
    label = 'disputed';
    reasons.push(`${support.length} sentences go with the claim and ${against.length} deny or negate it.`);
  } else if (asserted.length * 2 > support.length && provenance.origins.length >= 2) {
    label = 'supported';
    reasons.push(`Most of the evidence states it as fact, from more than one independent origin.`);
  } else {
    label = 'reported';
    reasons.push(
      provenance.origins.length < 2
        ? 'All the evidence comes from a single origin; repetition by others is not confirmation.'
        : `${support.length - asserted.length} of ${support.length} supporting sentences attribute, promise or speculate rather than state it.`,
    );
  }
  const originFactor = Math.min(provenance.origins.length, 4) / 4;
  const balance = label === 'disputed' ? 0.5 : 1;
  return {
    label,
    title: VERDICT_TITLES[label],
    confidence: round((0.35 + 0.35 * best + 0.25 * originFactor) * balance),
    reasons,
  };
}
