import { describe, expect, it } from 'vitest';
import { uncoveredTerms } from '../src/compose/said-in-other-words.js';
import { loadEvalStore } from '../src/eval/load-eval-store.js';
import { evidenceFor } from './helpers/evidence-for.js';

/** What the report lists as not covered, for a claim over a small corpus. */
async function uncovered(corpus: Parameters<typeof loadEvalStore>[0], text: string): Promise<string[]> {
  const store = await loadEvalStore(corpus);
  const { claim, evidence } = await evidenceFor(store, text);
  await store.close();
  expect(evidence.length).toBeGreaterThan(0);
  return uncoveredTerms(claim, evidence);
}

describe('what the report calls not covered', () => {
  it('is not a claim verb that the evidence states in other words (a WordNet synonym)', async () => {
    const corpus = [{ id: 'a', text: 'The FBI guards delivered the man to the Border Patrol on Monday.' }];
    expect(await uncovered(corpus, 'The FBI guards handed over the man to the Border Patrol.')).toEqual([]);
    // A verb with no synonym in the evidence is still missing.
    expect(await uncovered(corpus, 'The FBI guards beat the man at the Border Patrol.')).toEqual(['beat']);
  });

  it('is not a first name where the evidence names the person by surname', async () => {
    const corpus = [{ id: 'a', text: 'Militants said Foley was killed in retaliation for the airstrikes.' }];
    expect(await uncovered(corpus, 'Militants killed journalist James Foley.')).not.toContain('James');
    // A surname the evidence does not hold leaves the whole name uncovered.
    const other = [{ id: 'a', text: 'Militants said the journalist was killed after the airstrikes.' }];
    expect(await uncovered(other, 'Militants killed journalist James Foley.')).toEqual(
      expect.arrayContaining(['James', 'Foley']),
    );
  });

  it('is not a light verb, whose object says what the claim is about', async () => {
    const corpus = [{ id: 'a', text: 'The envoy was granted access to the prison in March.' }];
    expect(await uncovered(corpus, 'The envoy got access to the prison.')).toEqual([]);
  });

  it('is shown as the claim writes it', async () => {
    const corpus = [{ id: 'a', text: 'Prosecutors met the Salvadoran envoy in March.' }];
    expect(await uncovered(corpus, 'DOJ prosecutors met the Salvadoran envoy.')).toEqual(['DOJ']);
    expect(await uncovered(corpus, 'MS13 prosecutors met the Salvadoran envoy.')).toEqual(['MS13']);
    expect(await uncovered(corpus, 'Prosecutors in D.C. met the Salvadoran envoy.')).toEqual(['D.C.']);
  });

  it('is not an acronym the evidence spells out, nor a name the evidence abbreviates', async () => {
    const corpus = [{ id: 'a', text: 'Justice Department lawyers met the Salvadoran envoy in March.' }];
    expect(await uncovered(corpus, 'DOJ lawyers met the Salvadoran envoy.')).toEqual([]);
    const short = [{ id: 'a', text: 'DOJ lawyers met the Salvadoran envoy in March.' }];
    expect(await uncovered(short, 'Department of Justice lawyers met the Salvadoran envoy.')).toEqual([]);
  });

  it('is never a question word', async () => {
    const corpus = [{ id: 'a', text: 'The House passed the bill 427 to 1 on Tuesday.' }];
    for (const question of ['Which members voted against the bill in the House?', 'What did the House pass'])
      expect((await uncovered(corpus, question)).map((term) => term.toLowerCase())).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/^(what|which|who|how|when|where|why)$/)]),
      );
  });
});
