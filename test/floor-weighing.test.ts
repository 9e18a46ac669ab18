import { describe, expect, it } from 'vitest';
import { VERDICT_FEATURES } from '../src/assess/verdict-features.js';
import { EVAL_LABELS, type EvalLabel } from '../src/eval/eval-format.js';
import { outOfSetReadings, supportedFloor } from '../scripts/lib/fit-models.js';

const SUPPORTED = EVAL_LABELS.indexOf('supported');
const REFUTED = EVAL_LABELS.indexOf('refuted');

describe('the confidence floor for "supported"', () => {
  it('is the lowest floor at which no set has more than the given share of its refuted claims called supported', () => {
    // Set a: four refuted claims read as supported at 0.9, 0.7, 0.5 and not at all.
    const supportedAt = (p: number) => EVAL_LABELS.map((_, index) => (index === SUPPORTED ? p : (1 - p) / 3));
    const readings = [supportedAt(0.9), supportedAt(0.7), supportedAt(0.5), supportedAt(0.1)];
    const groups = ['a', 'a', 'a', 'a'];
    const gold: EvalLabel[] = ['refuted', 'refuted', 'refuted', 'refuted'];
    expect(supportedFloor(readings, SUPPORTED, groups, gold, 0.25)).toBe(0.75);
    expect(supportedFloor(readings, SUPPORTED, groups, gold, 0.5)).toBe(0.55);
    expect(supportedFloor(readings, SUPPORTED, groups, gold, 1)).toBe(0);
  });

  it('weighed across datasets, reads each set by a model that never saw it', () => {
    // In set "a" the first feature high means supported; in "b" and "c" it means refuted.
    const row = (x: number) => VERDICT_FEATURES.map((_, index) => (index === 0 ? x : 0));
    const rows: number[][] = [];
    const labels: number[] = [];
    const groups: string[] = [];
    for (const [group, flipped] of [
      ['a', false],
      ['b', true],
      ['c', true],
    ] as const)
      for (let index = 0; index < 20; index++) {
        const high = index % 2 === 0;
        rows.push(row(high ? 1 : -1));
        labels.push(high !== flipped ? SUPPORTED : REFUTED);
        groups.push(group);
      }
    const readings = outOfSetReadings([...VERDICT_FEATURES], rows, labels, groups);
    // Set a is read as b and c taught: its high rows as refuted, the opposite of its own labels.
    const highInA = readings[0]!;
    expect(highInA[REFUTED]!).toBeGreaterThan(highInA[SUPPORTED]!);
    // Set b is read by a model fitted on a and c, which disagree: no confident reading either way.
    const highInB = readings[20]!;
    expect(Math.abs(highInB[REFUTED]! - highInB[SUPPORTED]!)).toBeLessThan(0.5);
  });
});
