import { contentTerms, stem, stemSet } from '../analyze/tokenize.js';
import { detectModality, isNegated } from '../assess/detect-modality.js';
import type { Store } from '../store/store.js';
import type { Claim, Evidence, RankedPassage } from '../types.js';
import { idf } from './idf.js';

export interface EvidenceOptions {
  /** Least weighted term coverage for a sentence to count as evidence. Default 0.3. */
  minCoverage: number;
  /** Least number of distinct claim terms an evidence sentence holds. Default 2. */
  minTerms: number;
  /**
   * When the claim names people, places or things, a sentence that names none of them needs at
   * least this coverage (a sentence about "a man" and "twice" is not about Florida). Default 0.6.
   */
  minCoverageWithoutEntity: number;
  /** At most this many evidence sentences. Default 10. */
  limit: number;
  /** At most this many from one article, so that one source cannot fill the report. Default 3. */
  perArticle: number;
}

export const DEFAULT_EVIDENCE_OPTIONS: EvidenceOptions = {
  minCoverage: 0.3,
  minTerms: 2,
  minCoverageWithoutEntity: 0.6,
  limit: 10,
  perArticle: 3,
};

/** Claim terms with their IDF weights (a hyphenated term counts by its parts). */
export function weightClaimTerms(store: Store, claim: Claim): Map<string, number> {
  const frequencies = store.documentFrequencies(claim.terms);
  const total = store.corpusState().passages;
  const weights = new Map<string, number>();
  for (const term of claim.terms) weights.set(term, idf(frequencies.get(term) ?? 0, Math.max(total, 1)));
  return weights;
}

/** Share of the claim's IDF weight a sentence holds, and which terms it holds. */
export function termCoverage(
  sentence: string,
  weights: Map<string, number>,
): { coverage: number; matched: string[] } {
  const stems = stemSet(sentence);
  let held = 0;
  let all = 0;
  const matched: string[] = [];
  for (const [term, weight] of weights) {
    all += weight;
    if (term.split('-').every((part) => stems.has(stem(part)))) {
      held += weight;
      matched.push(term);
    }
  }
  return { coverage: all > 0 ? held / all : 0, matched };
}

/**
 * Second stage: every sentence of the retrieved passages is scored by weighted term coverage;
 * ties break on the passage's BM25 rank, then on ids, so that the choice is deterministic.
 */
export function selectEvidence(
  store: Store,
  claim: Claim,
  passages: RankedPassage[],
  options: EvidenceOptions = DEFAULT_EVIDENCE_OPTIONS,
): { evidence: Evidence[]; closest: Evidence[]; ranked: Evidence[] } {
  const weights = weightClaimTerms(store, claim);
  const sentences = store.sentencesOf(passages.map((hit) => hit.passage.id));
  const scored: Array<Evidence & { rank: number }> = [];
  passages.forEach((hit, rank) => {
    for (const sentence of sentences.get(hit.passage.id) ?? []) {
      const { coverage, matched } = termCoverage(sentence.text, weights);
      if (matched.length === 0) continue;
      scored.push({
        sentence,
        passage: hit.passage,
        article: hit.article,
        coverage,
        matchedTerms: matched,
        modality: detectModality(sentence.text),
        negated: isNegated(sentence.text),
        rank,
      });
    }
  });
  scored.sort(
    (a, b) =>
      b.coverage - a.coverage ||
      a.rank - b.rank ||
      a.passage.id.localeCompare(b.passage.id) ||
      a.sentence.ordinal - b.sentence.ordinal,
  );
  const perArticle = new Map<string, number>();
  const pick = (candidates: typeof scored) => {
    const chosen: Evidence[] = [];
    for (const scoredCandidate of candidates) {
      const { rank, ...candidate } = scoredCandidate;
      void rank; // the rank only orders candidates; it is not part of the evidence
      const used = perArticle.get(candidate.article.id) ?? 0;
      if (used >= options.perArticle || chosen.length >= options.limit) continue;
      perArticle.set(candidate.article.id, used + 1);
      chosen.push(candidate);
    }
    return chosen;
  };
  const entityTerms = new Set(claim.entities.flatMap((entity) => contentTerms(entity)));
  const namesEntity = (candidate: Evidence) =>
    entityTerms.size === 0 || candidate.matchedTerms.some((term) => entityTerms.has(term));
  const evidence = pick(
    scored.filter(
      (candidate) =>
        candidate.coverage >= options.minCoverage &&
        candidate.matchedTerms.length >= options.minTerms &&
        (namesEntity(candidate) || candidate.coverage >= options.minCoverageWithoutEntity),
    ),
  );
  perArticle.clear();
  const closest = evidence.length > 0 ? [] : pick(scored).slice(0, 3);
  return { evidence, closest, ranked: scored };
}
