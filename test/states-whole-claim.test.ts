import { describe, expect, it } from 'vitest';
import { analyzeClaim } from '../src/assess/analyze-claim.js';
import { claimProfile } from '../src/assess/claim-profile.js';
import { getLearnedModels } from '../src/assess/learned-models.js';
import { pairFeatures } from '../src/assess/pair-features.js';
import { claimLexicalSets } from '../src/assess/predicate-synonyms.js';
import { statesWholeClaim } from '../src/assess/states-whole-claim.js';
import { pooledStance } from '../src/assess/stance-of.js';
import { stemSet } from '../src/analyze/tokenize.js';

const CLAIM = 'ISIS beheaded journalist James Foley';

function reading(claim: string, sentence: string) {
  const profile = claimProfile(analyzeClaim(claim), () => 1);
  return {
    profile,
    holds: statesWholeClaim(stemSet(sentence), profile, claimLexicalSets(claim).verbs),
    features: pairFeatures(profile, sentence, 1, 0),
  };
}

describe('a sentence that states the whole claim', () => {
  it('holds every term of the claim, the verb itself or a WordNet synonym of it', () => {
    expect(reading(CLAIM, 'Journalist James Foley was beheaded by ISIS in Syria.').holds).toBe(true);
    expect(reading('The senator wrote the bill', 'The bill was penned by the senator.').holds).toBe(true);
    expect(reading('The senator wrote the bill', 'The senator read the bill.').holds).toBe(false);
    // A term missing (who did it), or another verb that is no synonym: not the whole claim.
    expect(reading(CLAIM, 'Journalist James Foley was beheaded in Syria.').holds).toBe(false);
    expect(reading(CLAIM, 'ISIS kidnapped journalist James Foley.').holds).toBe(false);
  });

  it('is not read as against the claim when the stance reading says so, unless it shows a contradiction', () => {
    const shipped = getLearnedModels();
    const models = { stance: { ...shipped.stance, wholeClaimSupports: true }, polarity: shipped.polarity };
    const stance = (sentence: string) => {
      const { holds, features } = reading(CLAIM, sentence);
      return {
        on: pooledStance(models, { features, restates: false, statesClaim: holds }),
        off: pooledStance(shipped, { features, restates: false, statesClaim: holds }),
      };
    };
    const plain = stance('American journalist James Foley has been beheaded by ISIS forces.');
    // The shipped models read some "refutes" in it, which this reading moves to "supports".
    expect(plain.off.refutes).toBeGreaterThan(0);
    expect(plain.on.refutes).toBe(0);
    expect(plain.on.supports).toBeCloseTo(plain.off.supports + plain.off.refutes, 10);
    expect(plain.on.neutral).toBe(plain.off.neutral);
    // A denial is a sign of contradiction: the fitted reading stands.
    const denied = stance('ISIS did not behead journalist James Foley, officials said.');
    expect(denied.on).toEqual(denied.off);
    // Missing a term of the claim: the fitted reading stands.
    const partial = stance('Journalist James Foley was beheaded in Syria.');
    expect(partial.on).toEqual(partial.off);
  });
});
