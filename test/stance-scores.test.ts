import { describe, expect, it } from 'vitest';
import { getLearnedModels } from '../src/assess/learned-models.js';
import { pools } from '../scripts/lib/fit-models.js';
import { macroF1Of, stanceScores } from '../scripts/lib/stance-scores.js';
import type { EvalSet } from '../scripts/lib/eval-sets.js';

describe('sentence-level stance scores (npm run eval, "Sentence stance")', () => {
  it('averages F1 over the classes in gold or read', () => {
    // Class 1: tp 1, fp 1, fn 0 → 2/3; class 2: tp 0 → 0.
    expect(macroF1Of([1, 2], [1, 1])).toBeCloseTo(1 / 3);
    expect(macroF1Of([0, 1, 2], [0, 1, 2])).toBe(1);
  });

  it('scores gold sentences and retrieved non-evidence as fitting labels them', async () => {
    const set: EvalSet = {
      name: 'tiny',
      corpus: [
        { id: 's1', text: 'The city council approved the new budget on Monday.', article: 'a1' },
        { id: 's2', text: 'The city council rejected the new budget on Monday.', article: 'a2' },
        { id: 's3', text: 'The council also discussed parking rules downtown.', article: 'a1' },
        { id: 's4', text: 'Rain is expected across the region this weekend.', article: 'a3' },
      ],
      claims: [
        {
          id: 'c1',
          claim: 'The city council approved the new budget.',
          label: 'conflicting',
          evidence: ['s1', 's2'],
          stance: { s1: 'supports', s2: 'refutes' },
        },
      ],
    };
    const scores = stanceScores(await pools(set), getLearnedModels());
    // Two gold sentences that take a side; the retrieved non-evidence sentence (s3) is no side.
    expect(scores.sided).toBe(2);
    expect(scores.sentences).toBeGreaterThanOrEqual(3);
    const total = scores.confusion.flat().reduce((sum, value) => sum + value, 0);
    expect(total).toBe(scores.sentences);
    expect(scores.confusion[1]!.reduce((sum, value) => sum + value, 0)).toBe(1);
    expect(scores.confusion[2]!.reduce((sum, value) => sum + value, 0)).toBe(1);
    // One supports and one refutes: the majority reading gets one class right at F1 2/3, the other 0.
    expect(scores.sidedMajorityMacroF1).toBeCloseTo(1 / 3);
    expect(scores.sidedMacroF1).toBeGreaterThanOrEqual(0);
    expect(scores.sidedMacroF1).toBeLessThanOrEqual(1);
  });
});
