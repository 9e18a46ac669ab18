import { describe, expect, it } from 'vitest';
import { PAIR_FEATURES } from '../src/assess/pair-features.js';
import type { EvalLabel } from '../src/eval/eval-format.js';
import type { PoolSentence } from '../src/retrieve/score-pool.js';
import type { StoredArticle } from '../src/types.js';
import { fitModels, type PooledSet } from '../scripts/lib/fit-models.js';

/** A pooled sentence with the given features (the rest zero) from an article whose source is `source`. */
function item(source: string, text: string, set: Record<string, number>): PoolSentence {
  const article = { id: source, source } as StoredArticle;
  return {
    sentence: { passageId: `${source}:0`, ordinal: 0, text },
    passage: { id: `${source}:0`, articleId: source, ordinal: 0, text },
    article,
    rank: 0,
    features: PAIR_FEATURES.map((name) => set[name] ?? 0),
    coverage: set.weightedCoverage ?? 0,
    matchedTerms: ['term'],
    restates: false,
    statesClaim: false,
  };
}

/**
 * A small labelled set: each claim's pool holds its gold sentence (high coverage) and one other. In
 * `inverted`, a refuting word in the gold sentence goes with a supported claim; elsewhere with a
 * refuted one.
 */
function set(name: string, inverted: boolean): PooledSet {
  const pools = Array.from({ length: 24 }, (_, index) => {
    const refuting = index % 2 === 0;
    const label: EvalLabel = refuting !== inverted ? 'refuted' : 'supported';
    const gold = `${name}-${index}-gold`;
    return {
      claim: {
        id: `${name}-${index}`,
        claim: `Claim ${index}`,
        label,
        evidence: [gold],
        stance: { [gold]: label === 'refuted' ? ('refutes' as const) : ('supports' as const) },
      },
      items: [
        item(gold, refuting ? 'It is false.' : 'It is so.', {
          weightedCoverage: 0.9 - (index % 3) * 0.05,
          termCoverage: 0.9,
          refutingCue: refuting ? 1 : 0,
        }),
        item(`${name}-${index}-other`, 'Something else.', { weightedCoverage: 0.2 + (index % 4) * 0.05 }),
      ],
      negated: false,
    };
  });
  return { name: `${name} (train)`, pools };
}

describe('the verdict model’s training rows', () => {
  const train = [set('Alpha', true), set('Beta', false), set('Gamma', false)];
  const fit = (rows: 'in-sample' | 'cross-fitted') => {
    const log: string[] = [];
    const { models } = fitModels(
      train,
      (line) => log.push(line),
      false,
      1,
      undefined,
      undefined,
      'training',
      rows,
    );
    return { models, log };
  };

  it('cross-fitted: each set is read by sentence models fitted without its dataset', () => {
    const inSample = fit('in-sample');
    const crossFitted = fit('cross-fitted');
    for (const name of ['Alpha', 'Beta', 'Gamma'])
      expect(crossFitted.log).toContain(`verdict rows of ${name}: read by sentence models fitted without it`);
    expect(inSample.log.some((line) => line.startsWith('verdict rows of'))).toBe(false);
    // The sentence models shipped are the same either way; only the verdict model learns otherwise.
    expect(crossFitted.models.polarity.weights).toEqual(inSample.models.polarity.weights);
    expect(crossFitted.models.verdict.weights).not.toEqual(inSample.models.verdict.weights);
  });
});
