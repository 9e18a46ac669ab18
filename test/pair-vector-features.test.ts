import { describe, expect, it } from 'vitest';
import { pairVectorFeatureNames, pairVectorFeatures, stanceRow } from '../src/assess/pair-vector-features.js';
import { fitLogistic, predictProba, type LinearModel } from '../src/assess/logistic-regression.js';
import { pooledStance } from '../src/assess/stance-of.js';
import { dot, normalise } from '../src/embed/embedding-model.js';
import { precomputedScorer } from '../src/embed/precomputed-scorer.js';
import { fakeEmbeddingModel } from './helpers/fake-embedding-model.js';
import { analyzeClaim } from '../src/assess/analyze-claim.js';
import { loadEvalStore } from '../src/eval/load-eval-store.js';
import { retrievePassages } from '../src/retrieve/retrieve-passages.js';
import { scorePool } from '../src/retrieve/score-pool.js';

describe('pair-vector features (u∘v, |u−v|) for the stance models', () => {
  it('are the elementwise product and distance, named in that order', () => {
    const u = Float32Array.from([0.6, 0.8, 0]);
    const v = Float32Array.from([0, 0.8, -0.6]);
    const features = pairVectorFeatures(u, v);
    expect(pairVectorFeatureNames(3)).toEqual([
      'denseProduct0',
      'denseProduct1',
      'denseProduct2',
      'denseDistance0',
      'denseDistance1',
      'denseDistance2',
    ]);
    [0, 0.64, 0, 0.6, 0, 0.6].forEach((expected, index) => expect(features[index]).toBeCloseTo(expected, 5));
    expect(() => pairVectorFeatures(u, Float32Array.from([1, 0]))).toThrow(/differ in length/);
  });

  it('let a linear model tell apart pairs that a cosine cannot', () => {
    // Every sentence has the same cosine (0.6) with its claim; which side it takes is written in
    // *which* direction it moves away along: a learned bilinear comparison sees that, a cosine cannot.
    const claim = normalise([1, 0, 0, 0]);
    const rows: number[][] = [];
    const labels: number[] = [];
    const cosines = new Set<string>();
    for (let index = 0; index < 40; index++) {
      const side = index % 2;
      const jitter = (index % 7) / 100;
      const sentence = normalise(side ? [0.6, 0.8 - jitter, jitter, 0] : [0.6, jitter, 0, 0.8 - jitter]);
      cosines.add(dot(claim, sentence).toFixed(1));
      rows.push(pairVectorFeatures(claim, sentence));
      labels.push(side);
    }
    expect([...cosines]).toEqual(['0.6']);
    const model = fitLogistic('polarity', pairVectorFeatureNames(4), rows, labels, ['supports', 'refutes']);
    const right = rows.filter((row, index) => (predictProba(model, row)[1]! > 0.5 ? 1 : 0) === labels[index]);
    expect(right.length).toBe(rows.length);
  });

  it('come from the scorer a check is given, and a model that needs them refuses a sentence without them', async () => {
    const scorer = await precomputedScorer(fakeEmbeddingModel(8), ['the dam burst', 'a dam burst in May']);
    const claim = scorer.vectorOf!('the dam burst')!;
    const sentence = scorer.vectorOf!('a dam burst in May')!;
    expect(scorer.vectorOf!('never embedded')).toBeUndefined();
    const item = { features: [1, 2], vectors: { claim, sentence }, restates: false };
    expect(stanceRow(item)).toHaveLength(2 + 16);
    const width = (n: number): LinearModel => ({
      name: 'stance',
      classes: ['neutral', 'supports', 'refutes'],
      features: Array.from({ length: n }, (_, index) => `f${index}`),
      mean: Array(n).fill(0),
      std: Array(n).fill(1),
      weights: [Array(n + 1).fill(0), Array(n + 1).fill(0), Array(n + 1).fill(0)],
      trainedOn: [],
      heldOut: {},
    });
    const models = { stance: width(18), polarity: width(18) };
    expect(pooledStance(models, item).neutral).toBeCloseTo(1 / 3);
    expect(() => pooledStance(models, { features: [1, 2], restates: false })).toThrow(
      /reads 18 features but the sentence has 2/,
    );
  });

  it('give every pooled sentence vectors of one length, even where a text was not encoded ahead', async () => {
    const corpus = [
      { id: 'a', text: 'The dam burst in May. Farmers lost their crops.' },
      { id: 'b', text: 'A dam burst after the storm.' },
    ];
    const store = await loadEvalStore(corpus);
    const claim = analyzeClaim('The dam burst');
    // Encoded: the corpus lines, not the claim nor the sentences the splitter cut line a into.
    const scorer = await precomputedScorer(
      fakeEmbeddingModel(8),
      corpus.map((line) => line.text),
    );
    const { items } = await scorePool(
      store,
      claim,
      await retrievePassages(store, claim, { asOf: '2100-01-01' }),
      scorer,
    );
    await store.close();
    expect(items.length).toBeGreaterThanOrEqual(2);
    for (const item of items) {
      expect(item.vectors!.claim).toHaveLength(8);
      expect(item.vectors!.sentence).toHaveLength(8);
    }
    expect(scorer.misses()).toBeGreaterThan(0);
  });
});
