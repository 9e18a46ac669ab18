import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkClaimDetailed } from '../src/check-claim.js';
import { loadWordVectors } from '../src/retrieve/word-vectors.js';
import { ALIGNMENT_FEATURES, alignmentFeatures } from '../src/assess/alignment-features.js';
import { analyzeClaim } from '../src/assess/analyze-claim.js';
import { claimProfile } from '../src/assess/claim-profile.js';
import { cellWeights } from '../src/assess/logistic-regression.js';
import { loadEvalStore } from '../src/eval/load-eval-store.js';
import { retrievePassages } from '../src/retrieve/retrieve-passages.js';
import { evidenceFor } from './helpers/evidence-for.js';
import { traceProvenance } from '../src/assess/trace-provenance.js';

/** The alignment features of a sentence against a claim, by name (every claim term weighs 1). */
function aligned(claim: string, sentence: string): Record<string, number> {
  const profile = claimProfile(analyzeClaim(claim), () => 1);
  const values = alignmentFeatures(profile, sentence);
  return Object.fromEntries(ALIGNMENT_FEATURES.map((name, index) => [name, values[index]!]));
}

describe('claim/sentence alignment (stance features)', () => {
  it('sees a word swapped for its WordNet antonym or its negating prefix', () => {
    expect(
      aligned('The record was one of the best-selling albums.', 'It was one of the worst-selling albums.')
        .oppositeWord,
    ).toBe(1);
    expect(aligned('The pilot was unable to land.', 'The pilot was able to land at dawn.').oppositeWord).toBe(
      1,
    );
    expect(
      aligned('The record was one of the best-selling albums.', 'It was one of the best-selling albums.')
        .oppositeWord,
    ).toBe(0);
  });

  it('sees a denial on one side only, spelled out or in a denying verb', () => {
    expect(
      aligned('The actress refused to model for the brand.', 'She has modelled for the brand.')
        .polarityMismatch,
    ).toBe(1);
    expect(
      aligned('The actress did not model for the brand.', 'She has modelled for the brand.').polarityMismatch,
    ).toBe(1);
    expect(
      aligned('The actress modelled for the brand.', 'She has modelled for the brand.').polarityMismatch,
    ).toBe(0);
    expect(aligned('The actress never failed to appear.', 'She appeared every night.').polarityMismatch).toBe(
      0,
    );
  });

  it('compares years, months and ordinals only when both sides give one', () => {
    const year = aligned('The finale aired in 2013.', 'The finale aired on May 14, 2012.');
    expect([year.yearMismatch, year.yearMatch]).toEqual([1, 0]);
    const same = aligned('The finale aired in May 2012.', 'The finale aired on May 14, 2012.');
    expect([same.yearMismatch, same.yearMatch, same.monthMatch]).toEqual([0, 1, 1]);
    expect(aligned('The finale aired in 2013.', 'The finale was watched widely.').yearMismatch).toBe(0);
    expect(
      aligned('She was ranked the second highest earner.', 'She was ranked the fifth highest earner.')
        .ordinalMismatch,
    ).toBe(1);
  });

  it('counts coverage against the claim when one side flips it', () => {
    const agree = aligned('The band formed in Franklin.', 'The band formed in Franklin in 2004.');
    const flipped = aligned('The band never formed in Franklin.', 'The band formed in Franklin in 2004.');
    expect(agree.signedCoverage).toBeGreaterThan(0.9);
    expect(flipped.signedCoverage).toBeLessThan(-0.5);
    expect(aligned('Ships sail south.', 'Ships sail.').missingKeyTerm).toBe(1);
  });
});

describe('first-stage retrieval with the predicate’s synonyms', async () => {
  const store = await loadEvalStore([
    { id: 'a', text: 'Guards guards guards at the gate.' },
    { id: 'b', text: 'The guards spoke to the man.' },
    { id: 'c', text: 'The man was delivered at the border.' },
    { id: 'd', text: 'The weather was fine.' },
  ]);
  const claim = analyzeClaim('The guards handed over the man.');

  it('adds passages only the synonyms find ("hand over" → "deliver"), after the plain hits', async () => {
    const plain = (await retrievePassages(store, claim, { pool: 2, expandPredicate: false })).map(
      (hit) => hit.article.source,
    );
    const expanded = (await retrievePassages(store, claim, { pool: 2 })).map((hit) => hit.article.source);
    expect([...plain].sort()).toEqual(['a', 'b']);
    expect(expanded).toEqual([...plain, 'c']);
  });
});

describe('evidence selection (the gate before the learned ranking)', () => {
  /** Corpus ids of the evidence for a claim, every sentence relevant enough (the gate alone decides). */
  async function evidenceOf(corpus: Parameters<typeof loadEvalStore>[0], question: string) {
    return (await evidenceFor(await loadEvalStore(corpus), question)).evidence;
  }
  /** …and their corpus ids. */
  const evidenceIds = async (corpus: Parameters<typeof loadEvalStore>[0], question: string) =>
    (await evidenceOf(corpus, question)).map((item) => item.article.source);

  it('asks for the claim’s names, but not for a year or an amount it mentions', async () => {
    const corpus = [
      { id: 'a', text: 'There is no evidence that the coronavirus causes sudden death syndrome.' },
      { id: 'b', text: 'The minister handed over the informants last week.' },
      { id: 'c', text: 'The weather was fine in the capital.' },
    ];
    const ids = (question: string) => evidenceIds(corpus, question);
    expect(await ids('The 2019 coronavirus causes sudden death syndrome.')).toContain('a');
    expect(await ids('Marco Rubio handed over the informants.')).not.toContain('b');
  });

  it('takes a surname alone as a later mention of the person, not the last word of any name', async () => {
    const corpus = [
      { id: 'a', text: 'Grisham signed the red flag law after the vote.' },
      { id: 'b', text: 'The Senate signed the red flag law after the vote.' },
      { id: 'c', text: 'New Mexico held its vote in the capital.' },
    ];
    const ids = (question: string) => evidenceIds(corpus, question);
    expect(await ids('Michelle Lujan Grisham signed the red flag law.')).toContain('a');
    expect(await ids('The New Mexico Senate signed the red flag law.')).not.toContain('b');
  });

  it('lets an article that holds the claim bring its other relevant sentences, one origin for all', async () => {
    const corpus = [
      {
        id: 'r:0',
        article: 'r',
        text: 'A post says hard-working families have flat wages across the country.',
      },
      { id: 'r:1', article: 'r', text: 'Economists said real wages have risen, so the post is incorrect.' },
      { id: 'x:0', article: 'x', text: 'Wages rose at the factory after the strike ended.' },
      { id: 'y:0', article: 'y', text: 'The harvest was late this year in the valley.' },
    ];
    const evidence = await evidenceOf(corpus, 'Hard-working families have flat wages.');
    const ids = evidence.map((item) => item.article.source);
    expect(ids).toEqual(expect.arrayContaining(['r:0', 'r:1']));
    expect(ids).not.toContain('x:0');
    // Lines of one document are one account, not two independent origins.
    const fromR = evidence.filter((item) => item.article.source.startsWith('r:'));
    // Each corpus line is its own stored text; no text is needed to see them as one account.
    expect(traceProvenance(fromR, new Map()).origins).toHaveLength(1);
  });
});

describe('cell weights', () => {
  it('gives every (set, class) cell the same total weight', () => {
    const groups = ['x', 'x', 'x', 'y', 'y', 'y', 'y', 'y'];
    const labels = [0, 0, 1, 0, 1, 1, 1, 1];
    const weights = cellWeights(groups, labels);
    const total = (group: string, label: number) =>
      weights.reduce(
        (sum, weight, index) => sum + (groups[index] === group && labels[index] === label ? weight : 0),
        0,
      );
    for (const [group, label] of [
      ['x', 0],
      ['x', 1],
      ['y', 0],
      ['y', 1],
    ] as const)
      expect(total(group, label)).toBeCloseTo(2);
  });
});

describe('vector slot (word vectors, when configured)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-vectors-'));
  const store = await loadEvalStore([
    { id: 'written', text: 'The novel was written by Lemke in Berlin.' },
    { id: 'cooked', text: 'The novel was cooked by Lemke in Berlin.' },
  ]);
  const vectorsFile = (near: string, far: string) => {
    const file = path.join(dir, `${near}.txt`);
    fs.writeFileSync(
      file,
      ['4 3', 'penned 1 0 0', `${near} 0.9 0.1 0`, `${far} 0 0 1`, 'novel 0 1 0', ''].join('\n'),
    );
    return file;
  };
  const first = async (file: string) =>
    (
      await checkClaimDetailed('The novel was penned by Lemke in Berlin.', {
        store,
        asOf: '2100-01-01',
        vectors: { scorer: loadWordVectors(file), weight: 50 },
      })
    ).ranked[0]!.article.source;

  it('moves the sentence whose words are near the claim’s to the top', async () => {
    expect(await first(vectorsFile('written', 'cooked'))).toBe('written');
    expect(await first(vectorsFile('cooked', 'written'))).toBe('cooked');
  });

  it('says what is wrong with a file that is not word vectors', () => {
    const bad = path.join(dir, 'bad.txt');
    fs.writeFileSync(bad, 'penned 1 0 0\nwritten 1 x 0\n');
    expect(() => loadWordVectors(bad)).toThrow(/line 2: expected a word and 3 numbers/);
    expect(() => loadWordVectors(path.join(dir, 'missing.txt'))).toThrow(/VERITY_WORD_VECTORS/);
  });
});
