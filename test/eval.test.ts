import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hitAt, macroF1, pairedBootstrap, recallAt } from '../src/eval/metrics.js';
import { scoreVerdicts, VERDICT_TO_EVAL } from '../src/eval/verdict-scores.js';
import { tempDir } from './helpers/shared.js';

describe('evaluation metrics', () => {
  it('computes hit@k, recall@k and macro-F1', () => {
    expect(hitAt(['a', 'b', 'c'], ['c'], 2)).toBe(0);
    expect(hitAt(['a', 'b', 'c'], ['c'], 3)).toBe(1);
    expect(recallAt(['a', 'b', 'c'], ['a', 'c', 'z'], 3)).toBeCloseTo(2 / 3);
    expect(macroF1(['supported', 'refuted'], ['supported', 'supported'])).toBeCloseTo((2 / 3 + 0) / 2);
  });

  it('puts a 95% paired-bootstrap interval around a difference, deterministically', () => {
    // System A finds 70 of 100 claims' evidence, B finds 50 of them (A finds all B finds).
    const a = Array.from({ length: 100 }, (_, index) => (index < 70 ? 1 : 0));
    const b = Array.from({ length: 100 }, (_, index) => (index < 50 ? 1 : 0));
    const mean = (values: number[], indices: number[]) =>
      indices.reduce((sum, index) => sum + values[index]!, 0) / indices.length;
    const ahead = pairedBootstrap(100, (indices) => mean(a, indices) - mean(b, indices));
    expect(ahead.value).toBeCloseTo(0.2);
    expect(ahead.low).toBeGreaterThan(0.1);
    expect(ahead.high).toBeLessThan(0.3);
    expect(pairedBootstrap(100, (indices) => mean(a, indices) - mean(b, indices))).toEqual(ahead);
    // Two systems that differ on a single claim out of 100 are not told apart.
    const c = a.map((value, index) => (index === 99 ? 1 : value));
    const tied = pairedBootstrap(100, (indices) => mean(c, indices) - mean(a, indices));
    expect(tied.low).toBe(0);
  });
});

describe('honest verdict scores', () => {
  it('counts a report as not enough info, never as a confirmation', () => {
    expect(VERDICT_TO_EVAL.reported).toBe('not enough info');
    expect(VERDICT_TO_EVAL.supported).toBe('supported');
  });

  it('keeps the six labels apart, and gives per-label precision, refuted-called-supported and risk–coverage', () => {
    const scores = scoreVerdicts(
      ['refuted', 'refuted', 'refuted', 'refuted', 'supported', 'supported'],
      ['supported', 'reported', 'contradicted', 'not-found', 'supported', 'contradicted'],
      [0.9, 0.5, 0.8, 0.3, 0.6, 0.4],
    );
    expect(scores.matrix.refuted).toEqual({ supported: 1, reported: 1, contradicted: 1, 'not-found': 1 });
    expect(scores.matrix.supported).toEqual({ supported: 1, contradicted: 1 });
    expect(scores.supportedPrecision).toBeCloseTo(1 / 2);
    expect(scores.contradictedPrecision).toBeCloseTo(1 / 2);
    expect(scores.refutedCalledSupported).toBeCloseTo(1 / 4);
    expect(scores.refutedCalledSupportedOrReported).toBeCloseTo(2 / 4);
    // Four definite verdicts (supported or contradicted); at a 0.7 floor two remain, one right.
    const at = (floor: number) => scores.riskCoverage.find((row) => row.minConfidence === floor)!;
    expect(at(0)).toMatchObject({ claims: 4, coverage: 4 / 6, precision: 2 / 4 });
    expect(at(0.7)).toMatchObject({ claims: 2, coverage: 2 / 6, precision: 1 / 2 });
    expect(at(0.9)).toMatchObject({ claims: 1, precision: 0 });
  });
});

describe('verity eval on the generic format', () => {
  it('prints the metric keys for Verity and the baseline, and rejects a bad label', () => {
    const dir = tempDir('eval');
    const corpus = path.join(dir, 'corpus.jsonl');
    const claims = path.join(dir, 'claims.jsonl');
    const lines = [
      { id: 'c1', text: 'The Thames Barrier was closed 50 times in 2014 to protect London from flooding.' },
      { id: 'c2', text: 'Glaciers in the Alps have lost half their volume since 1900.' },
      { id: 'c3', text: 'The city council approved a new bus lane on Monday.' },
    ];
    fs.writeFileSync(corpus, lines.map((line) => JSON.stringify(line)).join('\n'));
    fs.writeFileSync(
      claims,
      JSON.stringify({
        id: 'q1',
        claim: 'Alpine glaciers lost half their volume since 1900',
        label: 'supported',
        evidence: ['c2'],
      }),
    );
    const cli = path.resolve('dist/src/cli/main.js');
    const result = JSON.parse(
      execFileSync(
        process.execPath,
        [cli, 'eval', '--corpus', corpus, '--claims', claims, '--format', 'json'],
        { encoding: 'utf8' },
      ),
    );
    for (const key of [
      'hit@5',
      'recall@5',
      'recall@10',
      'accuracy',
      'macroF1',
      'citationValidity',
      'p50Ms',
      'p95Ms',
    ]) {
      expect(typeof result[key]).toBe('number');
      expect(result.baseline).toHaveProperty(key);
    }
    expect(result['hit@5']).toBe(1);
    expect(Object.keys(result.difference).sort()).toEqual(['hit@5', 'macroF1', 'recall@10']);
    expect(result.citationValidity).toBe(1);
    // Verity's own label, one claim in the six-label matrix, and the risk–coverage rows.
    const sixLabels = Object.values(result.verdicts.matrix.supported as Record<string, number>);
    expect(sixLabels.reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(result.verdicts.riskCoverage.length).toBeGreaterThan(3);
    const table = execFileSync(process.execPath, [cli, 'eval', '--corpus', corpus, '--claims', claims], {
      encoding: 'utf8',
    });
    expect(table).toContain(
      '| gold \\ Verity | supported | reported | contradicted | disputed | unsettled | not-found |',
    );
    expect(table).toContain('refuted called supported');
    expect(table).toContain('| confidence floor |');
    fs.writeFileSync(claims, JSON.stringify({ id: 'q1', claim: 'x', label: 'true', evidence: [] }));
    expect(() =>
      execFileSync(process.execPath, [cli, 'eval', '--corpus', corpus, '--claims', claims], {
        stdio: 'pipe',
      }),
    ).toThrow(/label/);
    // An empty claim is refused with its line, not left to fail the whole run half-way.
    fs.writeFileSync(claims, JSON.stringify({ id: 'q1', claim: '  ', label: 'supported', evidence: [] }));
    expect(() =>
      execFileSync(process.execPath, [cli, 'eval', '--corpus', corpus, '--claims', claims], {
        stdio: 'pipe',
      }),
    ).toThrow(/:1: the claim is empty \(under 3 characters\)/);
  });
});
