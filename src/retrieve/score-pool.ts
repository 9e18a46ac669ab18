import { articleKey } from './article-key.js';
import { claimProfile, type ClaimProfile } from '../assess/claim-profile.js';
import { pairFeatures } from '../assess/pair-features.js';
import { restatesClaim } from '../assess/restates-claim.js';
import { statesWholeClaim } from '../assess/states-whole-claim.js';
import { claimLexicalSets } from '../assess/predicate-synonyms.js';
import { termCoverage, weightClaimTerms } from './select-evidence-terms.js';
import { stemSet } from '../analyze/tokenize.js';
import type { Store } from '../store/store.js';
import type { VectorScorer } from './vector-score.js';
import type { Claim, Passage, RankedPassage, Sentence, ArticleInfo } from '../types.js';

/** One sentence of the retrieved pool with everything the learned scorers read. */
export interface PoolSentence {
  sentence: Sentence;
  passage: Passage;
  article: ArticleInfo;
  /** BM25 rank of its passage in the pool (0 = best). */
  rank: number;
  features: number[];
  coverage: number;
  matchedTerms: string[];
  /** It quotes the claim from someone the claim does not name: it takes no side (restates-claim.ts). */
  restates: boolean;
  /** It holds every term of the claim, a verb by itself or a synonym (states-whole-claim.ts). */
  statesClaim: boolean;
  /** The encoder's vectors of claim and sentence, when the scorer gives them (for pair-vector-features.ts). */
  vectors?: { claim: Float32Array; sentence: Float32Array };
}

/**
 * Second stage, shared by checking and model fitting: every sentence of the retrieved passages,
 * with its features against the claim (BM25 of its passage relative to the pool's best, term and
 * entity coverage, coverage by the article's headline, phrase and synonym matches, negation,
 * antonyms, numbers, cue words).
 */
export async function scorePool(
  store: Store,
  claim: Claim,
  passages: RankedPassage[],
  /** A sentence encoder's similarity, appended to the features as `denseSimilarity` (DENSE_PAIR_FEATURES). */
  dense?: VectorScorer,
): Promise<{ profile: ClaimProfile; items: PoolSentence[] }> {
  const weights = await weightClaimTerms(store, claim);
  const profile = claimProfile(claim, (term) => weights.get(term) ?? 0);
  const sentences = await store.sentencesOf(passages.map((hit) => hit.passage.id));
  const best = Math.max(1e-9, ...passages.map((hit) => hit.score));
  // Sentences of one article (same address, else same headline) read together: what the article
  // says of the claim around a sentence is context for it (first passage, then sentence).
  const articleOf = (hit: RankedPassage) => articleKey(hit.article);
  const articleStems = new Map<string, Set<string>>();
  const sentenceStems = new Map<Sentence, ReadonlySet<string>>();
  for (const hit of passages) {
    const stems = articleStems.get(articleOf(hit)) ?? new Set<string>();
    for (const sentence of sentences.get(hit.passage.id) ?? []) {
      const own = stemSet(sentence.text);
      sentenceStems.set(sentence, own);
      for (const key of own) stems.add(key);
    }
    articleStems.set(articleOf(hit), stems);
  }
  const items: PoolSentence[] = [];
  const { verbs } = claimLexicalSets(claim.text);
  passages.forEach((hit, rank) => {
    for (const sentence of sentences.get(hit.passage.id) ?? []) {
      const { coverage, matched } = termCoverage(sentenceStems.get(sentence)!, weights);
      items.push({
        sentence,
        passage: hit.passage,
        article: hit.article,
        rank,
        features: pairFeatures(
          profile,
          sentence.text,
          hit.score / best,
          rank,
          hit.article.title,
          articleStems.get(articleOf(hit))!,
        ),
        coverage,
        matchedTerms: matched,
        statesClaim: statesWholeClaim(sentenceStems.get(sentence)!, profile, verbs),
        restates:
          matched.length > 0 &&
          restatesClaim(
            sentence.text,
            hit.passage.text,
            coverage,
            (text) => termCoverage(stemSet(text), weights).coverage,
            profile.names,
          ),
      });
    }
  });
  if (dense) {
    const similarity = dense.similarity(
      claim.text,
      items.map((item) => item.sentence.text),
    );
    items.forEach((item, index) => item.features.push(similarity[index]!));
    // A claim read with a typo corrected (correct-spelling.ts) may not have been encoded ahead:
    // then it reads as a zero vector, so that every row still has one length.
    const claimVector = dense.vectorOf
      ? (dense.vectorOf(claim.text) ?? new Float32Array(dense.dimensions ?? 0))
      : undefined;
    if (claimVector)
      for (const item of items) {
        // A stored sentence that was not encoded on its own (a corpus line the splitter cut in
        // two) reads as its passage; with neither, as a zero vector, so every row has one length.
        const sentence =
          dense.vectorOf!(item.sentence.text) ??
          dense.vectorOf!(item.passage.text) ??
          new Float32Array(claimVector.length);
        item.vectors = { claim: claimVector, sentence };
      }
  }
  return { profile, items };
}
