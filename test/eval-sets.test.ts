import { describe, expect, it } from 'vitest';
import { aVeriTeC, emergent, fnc1Stances, ownSplit, rte, sick } from '../scripts/lib/eval-sets.js';
import { HAS_SHARED, SHARED } from './helpers/shared.js';

describe.skipIf(!HAS_SHARED)('the labelled sets, converted from ../shared', () => {
  it('splits AVeriTeC one claim in four, deterministically, with every claim in exactly one split', () => {
    const [train, test] = [aVeriTeC(SHARED, 'train'), aVeriTeC(SHARED, 'test')];
    // 3,068 records, one of which has no claim text (dropped: a check would refuse it).
    expect(train.claims.length + test.claims.length).toBe(3067);
    expect([...train.claims, ...test.claims].every((claim) => claim.claim.trim().length >= 3)).toBe(true);
    expect(test.claims.length / 3068).toBeGreaterThan(0.2);
    expect(test.claims.length / 3068).toBeLessThan(0.3);
    const trainIds = new Set(train.claims.map((claim) => claim.id));
    expect(test.claims.some((claim) => trainIds.has(claim.id))).toBe(false);
    expect(ownSplit('averitec-7:x')).toBe(ownSplit('averitec-7:x'));
    // Every gold answer is a corpus line of the same split, titled by its question.
    const lines = new Map(test.corpus.map((line) => [line.id, line]));
    for (const claim of test.claims.slice(0, 50))
      for (const id of claim.evidence) expect(lines.get(id)?.title).toBeTruthy();
    expect(new Set(test.claims.map((claim) => claim.label))).toEqual(
      new Set(['supported', 'refuted', 'not enough info', 'conflicting']),
    );
  });

  it('gives Emergent claims their FNC-1 bodies and truth labels, and teaches only verdicts from them', () => {
    const set = emergent(SHARED, 'train');
    expect(set.claims.length).toBeGreaterThan(100);
    expect(set.claims.every((claim) => claim.evidence.length === 0)).toBe(true);
    expect(set.teaches).toEqual({ relevance: false, stance: false, verdict: true });
    expect(new Set(set.claims.map((claim) => claim.label))).toEqual(
      new Set(['supported', 'refuted', 'not enough info']),
    );
  });

  it('reads SICK and RTE as stance pairs, and FNC-1 bodies as weak stance labels', () => {
    const pairs = sick(SHARED, 'test');
    expect(pairs.claims.length).toBe(4906);
    const labels = pairs.claims.flatMap((claim) => Object.values(claim.stance ?? {}));
    expect(new Set(labels)).toEqual(new Set(['supports', 'refutes', 'neutral']));
    expect(rte(SHARED, 'test').claims.length).toBe(277);
    expect(rte(SHARED, 'train').claims.length).toBe(2490);
    expect(pairs.teaches?.verdict).toBe(false);
    const news = fnc1Stances(SHARED, 'test');
    expect(news.teaches).toEqual({ relevance: false, stance: true, verdict: false });
    const sentences = new Set(news.corpus.map((line) => line.id));
    for (const claim of news.claims.slice(0, 100)) {
      expect(claim.evidence.length).toBeGreaterThan(0);
      for (const id of claim.evidence) expect(sentences.has(id)).toBe(true);
    }
  });
});
