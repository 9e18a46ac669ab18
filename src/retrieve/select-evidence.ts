import { articleKey } from './article-key.js';
import { holdsName } from '../assess/claim-profile.js';
import { detectModality, isNegated } from '../assess/detect-modality.js';
import { getLearnedModels, type LearnedModels } from '../assess/learned-models.js';
import { predictProba } from '../assess/logistic-regression.js';
import { contradictionSignals } from '../assess/contradiction-signals.js';
import { deniesUnlikeClaim } from '../assess/alignment-features.js';
import { pooledStance, wholeClaimReading } from '../assess/stance-of.js';
import { readsWholeClaim } from '../assess/verdict-features.js';
import { readArticle, type ArticleReading, type ArticleSentence } from '../assess/article-stance.js';
import type { Store } from '../store/store.js';
import type { Claim, Evidence, RankedPassage } from '../types.js';
import { stem } from '../analyze/tokenize.js';
import { rankScore } from './rank-score.js';
import { scorePool } from './score-pool.js';
import type { VectorScorer, VectorSlot } from './vector-score.js';

export interface EvidenceOptions {
  /** Least relevance probability for a sentence to count as evidence. Default: the cut fitted with the model (best F2 on training data). */
  minRelevance?: number;
  /** Least share of the claim's IDF weight an evidence sentence must hold, whatever the model says. Default 0.3. */
  minCoverage: number;
  /** At most this many evidence sentences. Default 10. */
  limit: number;
  /** At most this many from one article, so that one source cannot fill the report. Default 3. */
  perArticle: number;
  /** A configured vector model whose similarity joins the rank score (none by default). */
  vectors?: VectorSlot;
  /** The fitted models to score with. Default: the shipped ones (models/*.json). */
  models?: LearnedModels;
  /** A sentence encoder's similarity, for models fitted with `denseSimilarity` among their features. */
  dense?: VectorScorer;
}

export const DEFAULT_EVIDENCE_OPTIONS: EvidenceOptions = { minCoverage: 0.3, limit: 10, perArticle: 3 };

/** Why the best-ranked sentence of a pool is not evidence: too little relevance, too little of the claim, or none of its names. */
export type ShortOf =
  | { gate: 'relevance'; relevance: number }
  | { gate: 'coverage'; relevance: number; coverage: number; minCoverage: number }
  | { gate: 'names'; relevance: number; names: string[] };

/**
 * Scores every sentence of the retrieved passages with the fitted relevance and stance models and
 * keeps the relevant ones as evidence. `ranked` is the whole pool in rank-score order (for the
 * verdict and for evaluation); `closest` are the best sentences when none is relevant enough.
 * Ties break on BM25 rank, then ids, so that the choice is deterministic.
 */
export async function selectEvidence(
  store: Store,
  claim: Claim,
  passages: RankedPassage[],
  options: EvidenceOptions = DEFAULT_EVIDENCE_OPTIONS,
): Promise<{
  evidence: Evidence[];
  closest: Evidence[];
  ranked: Evidence[];
  claimNegated: boolean;
  minRelevance: number;
  /** How each article that gives evidence holds the claim as a whole, by article id. */
  articleStances: Map<string, ArticleReading>;
  /** With no evidence: why the best-ranked sentence is not evidence (the not-found verdict says it). */
  shortOf?: ShortOf;
}> {
  const models = options.models ?? getLearnedModels();
  const minRelevance = options.minRelevance ?? models.relevance.threshold ?? 0.5;
  const wantsDense = models.relevance.features.includes('denseSimilarity');
  if (wantsDense !== Boolean(options.dense))
    throw new Error(
      wantsDense
        ? 'These models were fitted with a sentence encoder; pass one as `dense` (or use the shipped lexical models).'
        : 'A sentence encoder was given, but these models were fitted without one; fit dense models first.',
    );
  const { profile, items } = await scorePool(store, claim, passages, options.dense);
  const pooled = items.filter((item) => item.matchedTerms.length > 0);
  const similarity = options.vectors
    ? options.vectors.scorer.similarity(
        claim.text,
        pooled.map((item) => item.sentence.text),
      )
    : undefined;
  const rankScores = pooled.map((item) => rankScore(models, item.features));
  const readsWhole = readsWholeClaim(models.verdict);
  const ranked = pooled
    .map((item, index): Evidence & { rank: number; score: number } => {
      return {
        sentence: item.sentence,
        passage: item.passage,
        article: item.article,
        coverage: item.coverage,
        matchedTerms: item.matchedTerms,
        modality: detectModality(item.sentence.text),
        negated: isNegated(item.sentence.text),
        relevance: predictProba(models.relevance, item.features)[1]!,
        stance: pooledStance(models, item),
        restatesClaim: item.restates,
        contradicts: contradictionSignals(item.features, deniesUnlikeClaim(profile, item.sentence.text)),
        // Read only by a verdict model fitted with the whole-claim features (an eval ablation).
        wholeClaim: readsWhole ? wholeClaimReading(item) : undefined,
        rank: item.rank,
        score: rankScores[index]! + (similarity ? options.vectors!.weight * similarity[index]! : 0),
      };
    })
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.rank - b.rank ||
        a.passage.id.localeCompare(b.passage.id) ||
        a.sentence.ordinal - b.sentence.ordinal,
    );
  const pick = (candidates: Evidence[], limit: number) => {
    const perArticle = new Map<string, number>();
    const chosen: Evidence[] = [];
    for (const candidate of candidates) {
      const used = perArticle.get(articleKey(candidate.article)) ?? 0;
      if (used >= options.perArticle || chosen.length >= limit) continue;
      perArticle.set(articleKey(candidate.article), used + 1);
      chosen.push(candidate);
    }
    return chosen;
  };
  // The learned score ranks; a plain gate decides what may count at all: enough of the claim's weight,
  // and one of its named people, places or things when it names any (a corpus can lack a story entirely).
  // A name counts as named by all its words or, for later mentions, its last word ("Grisham"). An
  // entity can be named only if the corpus holds it; a claim whose entities are all unknown to the
  // corpus has no admissible evidence at all.
  const knownNames = profile.names.filter((name) => holdsName(profile.weights, name));
  const namesEntity = (item: Evidence) => {
    if (profile.names.length === 0) return true;
    const held = new Set(item.matchedTerms.flatMap((term) => term.split('-').map(stem)));
    return knownNames.some((name) => holdsName(held, name));
  };
  const admissible = (item: Evidence) =>
    item.relevance >= minRelevance && item.coverage >= options.minCoverage && namesEntity(item);
  // An article that holds an admissible sentence is about the claim: its other relevant sentences
  // may count with less of the claim's wording ("wages … incorrect" under "flat wages").
  const admitted = new Set(ranked.filter(admissible));
  const onTopic = new Set([...admitted].map((item) => articleKey(item.article)));
  const evidence = pick(
    ranked.filter(
      (item) =>
        admitted.has(item) || (item.relevance >= minRelevance && onTopic.has(articleKey(item.article))),
    ),
    options.limit,
  );
  // Each article that gives evidence, read as a whole: all of its sentences the search reached.
  const articleModel = models.articleStance ?? getLearnedModels().articleStance;
  const articleStances = new Map<string, ArticleReading>();
  if (articleModel) {
    const giving = new Map<string, ArticleSentence[]>(evidence.map((item) => [item.article.id, []]));
    pooled.forEach((item, index) =>
      giving.get(item.article.id)?.push({
        text: item.sentence.text,
        features: item.features,
        score: rankScores[index]!,
        restates: item.restates,
      }),
    );
    for (const [id, sentences] of giving)
      articleStances.set(id, readArticle(articleModel, claim.text, sentences));
  }
  const best = ranked[0];
  const shortOf: ShortOf | undefined =
    evidence.length > 0 || !best
      ? undefined
      : best.relevance < minRelevance
        ? { gate: 'relevance', relevance: best.relevance }
        : best.coverage < options.minCoverage
          ? {
              gate: 'coverage',
              relevance: best.relevance,
              coverage: best.coverage,
              minCoverage: options.minCoverage,
            }
          : {
              gate: 'names',
              relevance: best.relevance,
              names: claim.entities.filter((entity) => /\p{L}/u.test(entity) && !/^\d/.test(entity)),
            };
  return {
    shortOf,
    evidence,
    closest: evidence.length > 0 ? [] : pick(ranked, 3),
    ranked,
    claimNegated: profile.negated,
    minRelevance,
    articleStances,
  };
}

/**
 * The whole claim's evidence followed by what its parts found that it did not (each sentence once),
 * within the same limits: at most `limit` sentences and `perArticle` from one article.
 */
export function mergeEvidence(
  whole: Evidence[],
  parts: Evidence[][],
  options: Pick<EvidenceOptions, 'limit' | 'perArticle'> = DEFAULT_EVIDENCE_OPTIONS,
): Evidence[] {
  const key = (item: Evidence) => `${item.passage.id}#${item.sentence.ordinal}`;
  const seen = new Set(whole.map(key));
  const perArticle = new Map<string, number>();
  for (const item of whole)
    perArticle.set(articleKey(item.article), (perArticle.get(articleKey(item.article)) ?? 0) + 1);
  const merged = [...whole];
  for (const item of parts.flat()) {
    const used = perArticle.get(articleKey(item.article)) ?? 0;
    if (seen.has(key(item)) || used >= options.perArticle || merged.length >= options.limit) continue;
    seen.add(key(item));
    perArticle.set(articleKey(item.article), used + 1);
    merged.push(item);
  }
  return merged;
}
