import { describe, expect, it } from 'vitest';
import { checkClaimDetailed } from '../src/check-claim.js';
import { balanceAgainst, decideVerdict, favours, opposes } from '../src/assess/decide-verdict.js';
import { getLearnedModels } from '../src/assess/learned-models.js';
import { contradictionSignals } from '../src/assess/contradiction-signals.js';
import { PAIR_FEATURES, pairFeatures } from '../src/assess/pair-features.js';
import { claimDenials, deniesUnlikeClaim } from '../src/assess/alignment-features.js';
import { claimProfile } from '../src/assess/claim-profile.js';
import { analyzeClaim } from '../src/assess/analyze-claim.js';
import { stanceOf } from '../src/assess/stance-of.js';
import { fitLogistic, modelInput, predictProba } from '../src/assess/logistic-regression.js';
import type { Provenance } from '../src/assess/trace-provenance.js';
import type { Evidence } from '../src/types.js';
import type { ShortOf } from '../src/retrieve/select-evidence.js';
import { VERDICT_FEATURES, verdictFeatures, verdictTop } from '../src/assess/verdict-features.js';
import { evidenceFor } from './helpers/evidence-for.js';
import { insideQuotation, quotedText, restatesClaim } from '../src/assess/restates-claim.js';
import { loadEvalStore } from '../src/eval/load-eval-store.js';
import { stemSet } from '../src/analyze/tokenize.js';

/** Share of the claim's words (each weighing the same) that a text holds. */
const coverageOf = (claim: string) => (text: string) => {
  const claimStems = [...stemSet(claim)];
  const stems = stemSet(text);
  return claimStems.filter((key) => stems.has(key)).length / claimStems.length;
};

describe('quotations', () => {
  it('reads paired marks, curly or straight, and a quotation that runs on from or into another sentence', () => {
    expect(quotedText('“Taxes went up,” she said, adding "a lot".')).toBe('Taxes went up, a lot');
    expect(quotedText('Americans are the stupidest people on earth.”')).toBe(
      'Americans are the stupidest people on earth.',
    );
    expect(quotedText('The post reads: “Schools will close')).toBe('Schools will close');
    expect(quotedText('No quotation here.')).toBe('');
  });

  it('knows a sentence that sits inside a quotation its passage opened earlier', () => {
    const passage = '“They blocked the poll. They blocked the caucus.” Nothing backs that up.';
    expect(insideQuotation('They blocked the caucus.', passage)).toBe(true);
    expect(insideQuotation('Nothing backs that up.', passage)).toBe(false);
  });
});

/** Does a sentence restate this claim, whose names are `names`? */
const restatesFor =
  (claim: string, names: string[]) =>
  (sentence: string, passage = sentence) =>
    restatesClaim(
      sentence,
      passage,
      coverageOf(claim)(sentence),
      coverageOf(claim),
      names.map((name) => ({ stems: stemSet(name), last: null })),
    );

describe('a sentence that restates the claim', () => {
  const restates = restatesFor('Democrats blocked the Iowa caucus.', ['Democrats']);

  it('is one that quotes the claim from someone the claim does not name', () => {
    expect(restates('“Democrats blocked the Iowa caucus,” a Facebook post said on Feb. 4.')).toBe(true);
    // A sentence inside a quotation its passage opened: the whole sentence is the quotation.
    expect(
      restates('They blocked the Iowa caucus.', '“Democrats are at it again. They blocked the Iowa caucus.”'),
    ).toBe(true);
    expect(restates('They blocked it.', '“Democrats are at it again. They blocked it.”')).toBe(
      false, // holds a quarter of the claim's words
    );
  });

  it('is not one that states or rebuts the claim in its own words', () => {
    expect(restates('Democrats blocked the Iowa caucus, state officials said.')).toBe(false);
    expect(restates('No evidence shows that Democrats blocked the Iowa caucus.')).toBe(false);
    // The quotation holds part of the claim; the sentence's own words hold the rest.
    expect(restates('Democrats said the Iowa caucus was “blocked” by a software failure.')).toBe(false);
  });

  it('is not one that quotes a speaker the claim names: that is evidence of what they said', () => {
    const restatesPelosi = restatesFor('Pelosi said Americans are the stupidest people on earth.', [
      'Pelosi',
    ]);
    expect(
      restatesPelosi('“Americans are the stupidest people on earth,” Pelosi said at a fundraiser.', ''),
    ).toBe(false);
    expect(
      restatesPelosi('“Americans are the stupidest people on earth,” reads the text of the meme.', ''),
    ).toBe(true);
  });
});

describe('stance of a restatement in a check', () => {
  it('takes no side, while the rebuttal beside it keeps its stance', async () => {
    const store = await loadEvalStore([
      {
        id: 'post',
        text: '“Virginia announced the end of youth hunting,” one Facebook post says.',
        url: 'https://factcheck.example/youth-hunting',
      },
      {
        id: 'agency',
        text: 'Virginia did not announce the end of youth hunting, the state wildlife agency said.',
        url: 'https://factcheck.example/youth-hunting',
      },
    ]);
    const { evidence } = await evidenceFor(store, 'Virginia announced the end of youth hunting.');
    const post = evidence.find((item) => item.article.source === 'post')!;
    const agency = evidence.find((item) => item.article.source === 'agency')!;
    expect(post.stance).toEqual({ supports: 0, refutes: 0, neutral: 1 });
    expect(post.restatesClaim).toBe(true);
    expect(agency.restatesClaim).toBe(false);
    expect(agency.stance.neutral).toBeLessThan(1);
    expect(agency.stance.supports + agency.stance.refutes).toBeGreaterThan(0);
    // The verdict says so, and does not count the quotation on either side.
    const { report } = await checkClaimDetailed('Virginia announced the end of youth hunting.', { store });
    expect(report.verdict.label).not.toBe('not-found');
    expect(report.verdict.reasons.join(' ')).toContain(
      '1 only quotes the claim, which shows that somebody made it, not that it is true',
    );
    await store.close();
  });
});

describe('the balance the verdict rule reads', () => {
  const sentence = (
    modality: Evidence['modality'],
    supports: number,
    refutes: number,
    restatesClaim = false,
    contradicts = ['a different number'],
  ) => ({
    relevance: 1,
    modality,
    restatesClaim,
    contradicts,
    stance: { supports, refutes, neutral: 1 - supports - refutes },
  });

  it('weighs stance by relevance, and counts a denial of a plain claim fully against it', () => {
    expect(balanceAgainst([sentence('asserted', 0.6, 0.2)], false)).toBeCloseTo(-0.4);
    // The stance model misreads "There is no evidence that …" as leaning toward the claim.
    expect(balanceAgainst([sentence('denied', 0.6, 0.2)], false)).toBe(1);
    expect(balanceAgainst([sentence('denied', 0.6, 0.2), sentence('asserted', 0.7, 0.1)], false)).toBeCloseTo(
      0.4,
    );
  });

  it('gated, counts "refutes" only where the sentence shows a contradiction', () => {
    expect(balanceAgainst([sentence('asserted', 0.2, 0.7, false, [])], false)).toBeCloseTo(0.5);
    expect(balanceAgainst([sentence('asserted', 0.2, 0.7)], false, true)).toBeCloseTo(0.5);
    expect(balanceAgainst([sentence('asserted', 0.2, 0.7, false, [])], false, true)).toBeCloseTo(-0.2);
  });

  it('does not count a denial against a claim that itself denies, nor a quotation of the claim', () => {
    expect(balanceAgainst([sentence('denied', 0.6, 0.2)], true)).toBeCloseTo(-0.4);
    expect(balanceAgainst([sentence('denied', 0, 0, true)], false)).toBe(0);
  });
});

/** Pair features with the named ones set, the rest 0. */
const features = (values: Record<string, number>) => PAIR_FEATURES.map((name) => values[name] ?? 0);

describe('a clear lean', () => {
  const withStance = (supports: number, refutes: number, contradicts = ['a different number']) =>
    ({ stance: { supports, refutes, neutral: 1 - supports - refutes }, contradicts }) as Evidence;

  it('needs one side to beat the other by ten points', () => {
    expect(opposes(withStance(0.36, 0.41))).toBe(false);
    expect(favours(withStance(0.41, 0.36))).toBe(false);
    expect(opposes(withStance(0.3, 0.5))).toBe(true);
    expect(favours(withStance(0.5, 0.3))).toBe(true);
  });

  it('against the claim also needs "refutes" to beat "no side"', () => {
    expect(opposes(withStance(0.05, 0.3))).toBe(false);
  });

  it('against the claim needs something that can show the opposite, not just few shared words', () => {
    expect(opposes(withStance(0.1, 0.7, []))).toBe(false);
    expect(contradictionSignals(features({ numberMismatch: 1 }))).toEqual(['a different number']);
    expect(contradictionSignals(features({ polarityMismatch: 1, negationMismatch: 1 }))).toEqual([
      'a denial the claim does not make',
    ]);
    expect(contradictionSignals(features({ weightedCoverage: 0.1 }))).toEqual([]);
  });
});

describe('a denial that reaches the claim', () => {
  const profile = claimProfile(analyzeClaim('ISIS beheaded journalist James Foley.'), () => 1);
  const at = (name: string) => (PAIR_FEATURES as readonly string[]).indexOf(name);
  const signalsOf = (sentence: string) =>
    contradictionSignals(pairFeatures(profile, sentence, 1, 0), deniesUnlikeClaim(profile, sentence));

  it('counts a denial whose next few words hold a claim term or its verb', () => {
    expect(claimDenials(profile, 'ISIS did not behead James Foley, officials said.')).toBe(1);
    expect(claimDenials(profile, 'There is no evidence that ISIS beheaded him.')).toBe(1);
    expect(claimDenials(profile, 'The group denied that Foley had been killed.')).toBe(1);
    expect(signalsOf('ISIS did not behead James Foley, officials said.')).toEqual([
      'a denial the claim does not make',
    ]);
  });

  it('does not call a denial of something else in a long news sentence a contradiction', () => {
    const sentence =
      'The group, which holds much of northern Iraq, threatened to kill another journalist unless President Obama ceases attacks on it.';
    expect(claimDenials(profile, sentence)).toBe(0);
    expect(deniesUnlikeClaim(profile, sentence)).toBe(false);
    expect(signalsOf(sentence)).toEqual([]);
    // The fitted features still count every denial (the models were fitted so).
    expect(pairFeatures(profile, sentence, 1, 0)[at('polarityMismatch')]).toBe(1);
    expect(contradictionSignals(pairFeatures(profile, sentence, 1, 0))).toEqual([
      'a denial the claim does not make',
    ]);
    // Nor a "not" far from any claim term.
    expect(
      claimDenials(profile, 'Not far from the border, a shocking video shows ISIS fighters beheading him.'),
    ).toBe(0);
  });

  it('reads a claim that is itself a denial against a sentence that states the act', () => {
    const denied = claimProfile(analyzeClaim('ISIS did not behead James Foley.'), () => 1);
    expect(deniesUnlikeClaim(denied, 'ISIS beheaded James Foley in a video.')).toBe(true);
    expect(deniesUnlikeClaim(denied, 'ISIS did not behead James Foley, the group said.')).toBe(false);
  });
});

describe('a stance model fitted to need a contradiction for "refutes"', () => {
  const shipped = getLearnedModels();
  const gated = { ...shipped, stance: { ...shipped.stance, refutesNeedSignal: true } };
  const profile = claimProfile(analyzeClaim('ISIS beheaded journalist James Foley.'), () => 1);

  it('reads a sentence that only shares few words as no side, never as against', () => {
    const row = pairFeatures(profile, 'Foley went missing in Syria in November 2012.', 1, 0);
    expect(contradictionSignals(row)).toEqual([]);
    const plain = stanceOf(shipped, row);
    const read = stanceOf(gated, row);
    expect(read.refutes).toBe(0);
    expect(read.supports).toBeCloseTo(plain.supports, 12);
    expect(read.neutral).toBeCloseTo(plain.neutral + plain.refutes, 12);
  });

  it('keeps the polarity model’s reading where the sentence shows a contradiction', () => {
    const row = pairFeatures(profile, 'ISIS did not behead James Foley, the group said.', 1, 0);
    expect(contradictionSignals(row).length).toBeGreaterThan(0);
    expect(stanceOf(gated, row)).toEqual(stanceOf(shipped, row));
  });
});

describe('a model that reads some columns of the row', () => {
  it('takes the whole row and reads only its columns', () => {
    const rows = [
      [0, 5, 1],
      [1, -5, 0],
      [0, 3, 1],
      [1, -2, 0],
    ];
    const labels = [0, 1, 0, 1];
    const whole = fitLogistic('t', ['a', 'b', 'c'], rows, labels, ['x', 'y']);
    const part = {
      ...fitLogistic(
        't',
        ['a', 'c'],
        rows.map((row) => [row[0]!, row[2]!]),
        labels,
        ['x', 'y'],
      ),
      columns: [0, 2],
      inputWidth: 3,
    };
    expect(modelInput(part, [7, 8, 9])).toEqual([7, 9]);
    expect(modelInput(whole, [7, 8, 9])).toEqual([7, 8, 9]);
    // Column b (index 1) is not read: changing it changes nothing.
    expect(predictProba(part, [1, 100, 0])).toEqual(predictProba(part, [1, -100, 0]));
    expect(predictProba(whole, [1, 100, 0])).not.toEqual(predictProba(whole, [1, -100, 0]));
  });
});

describe('the verdict’s denial feature', () => {
  const scored = (modality: Evidence['modality'], restatesClaim = false) => ({
    relevance: 0.8,
    stance: { supports: 0.4, refutes: 0.3, neutral: 0.3 },
    coverage: 0.9,
    modality,
    restatesClaim,
  });
  const denial = (items: ReturnType<typeof scored>[], claimNegated = false) =>
    verdictFeatures(items, claimNegated, 0.5)[VERDICT_FEATURES.indexOf('denialTop5')];

  it('is the relevance-weighted share of the best sentences that deny a plain claim', () => {
    expect(denial([scored('denied'), scored('asserted')])).toBeCloseTo(0.4);
    expect(denial([scored('asserted')])).toBe(0);
  });

  it('is 0 for a negated claim, and a quotation of the claim denies nothing', () => {
    expect(denial([scored('denied')], true)).toBe(0);
    expect(denial([scored('denied', true)])).toBe(0);
  });
});

describe('which sentences the verdict reads', () => {
  const item = (name: string, relevance: number, coverage: number) => ({
    name,
    relevance,
    coverage,
    stance: { supports: 0.4, refutes: 0.3, neutral: 0.3 },
    modality: 'asserted' as const,
    restatesClaim: false,
  });
  const ranked = [
    item('a', 1, 0.2),
    item('b', 1, 0.2),
    item('c', 0.9, 0.2),
    item('d', 0.9, 0.2),
    item('e', 0.8, 0.2),
    item('whole', 1, 1),
    item('half', 0.6, 0.5),
  ];

  it('reads the five best ranked by default, and with `held` the five holding most of the claim', () => {
    expect(verdictTop(ranked).map((entry) => entry.name)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(verdictTop(ranked, 'held').map((entry) => entry.name)).toEqual(['whole', 'half', 'a', 'b', 'c']);
    const coverage = VERDICT_FEATURES.indexOf('bestCoverage');
    expect(verdictFeatures(ranked, false, 0.5)[coverage]).toBe(0.2);
    expect(verdictFeatures(ranked, false, 0.5, false, 'held')[coverage]).toBe(1);
  });
});

describe('the verdict rule', () => {
  /** A verdict model that reads nothing and gives fixed probabilities (log-odds in the bias). */
  const fixedVerdict = (probabilities: Record<string, number>, floors?: Record<string, number>) => {
    const classes = ['supported', 'refuted', 'not enough info', 'conflicting'];
    return {
      name: 'verdict',
      classes,
      features: [...VERDICT_FEATURES],
      mean: VERDICT_FEATURES.map(() => 0),
      std: VERDICT_FEATURES.map(() => 1),
      weights: classes.map((cls) => [...VERDICT_FEATURES.map(() => 0), Math.log(probabilities[cls]!)]),
      trainedOn: [],
      heldOut: {},
      ...(floors ? { floors } : {}),
    };
  };
  const item = (supports: number, refutes: number) =>
    ({
      relevance: 0.9,
      coverage: 1,
      modality: 'asserted',
      restatesClaim: false,
      stance: { supports, refutes, neutral: 1 - supports - refutes },
      contradicts: refutes > supports ? ['a denial the claim does not make'] : [],
      sentence: { text: 'The senate passed the bill.', passageId: 'p', ordinal: 0 },
    }) as unknown as Evidence;
  const verdictOf = (evidence: Evidence[], verdict: ReturnType<typeof fixedVerdict>) =>
    decideVerdict({
      evidence,
      ranked: evidence,
      provenance: { origins: ['A', 'B'], articleCount: 2 } as unknown as Provenance,
      claimNegated: false,
      minRelevance: 0.5,
      models: { ...getLearnedModels(), verdict },
    });

  it('says why a sentence read as against the claim counts for neither side', () => {
    const model = fixedVerdict({ conflicting: 0.1, supported: 0.1, refuted: 0.1, 'not enough info': 0.7 });
    const unshown = { ...item(0.3, 0.65), contradicts: [] } as Evidence;
    const { reasons } = verdictOf([unshown], model);
    expect(reasons.join(' ')).toMatch(/none shows anything that contradicts it/);
    expect(reasons.join(' ')).toMatch(
      /1 sentence reads as against the claim to the stance model but holds no denial of it/,
    );
    expect(reasons.join(' ')).not.toMatch(/too close to call/);
    // A reading that is really too close to call is said so.
    expect(verdictOf([item(0.4, 0.38)], model).reasons.join(' ')).toMatch(/too close to call/);
  });

  it('says "disputed" only when the cited evidence leans both ways', () => {
    const model = fixedVerdict({ conflicting: 0.5, supported: 0.3, refuted: 0.1, 'not enough info': 0.1 });
    const oneSided = verdictOf([item(0.7, 0.1), item(0.6, 0.1)], model);
    expect(oneSided.label).not.toBe('disputed');
    expect(oneSided.reasons.join(' ')).toMatch(/does not lean both ways/);
    // Supported is what stands, with its share of what is left: 0.3 / (1 − 0.5).
    expect(oneSided.label).toBe('supported');
    expect(oneSided.confidence).toBeCloseTo(0.6);
    expect(verdictOf([item(0.7, 0.1), item(0.1, 0.7)], model).label).toBe('disputed');
  });

  it('with contradictedNeedsOpposing, says "contradicted" only when a cited sentence opposes the claim', () => {
    const model = fixedVerdict({ refuted: 0.6, 'not enough info': 0.3, supported: 0.05, conflicting: 0.05 });
    // Read as against the claim, but showing nothing that contradicts it: the balance alone leans against.
    const unshown = [{ ...item(0.2, 0.7), contradicts: [] } as Evidence];
    const loose = verdictOf(unshown, model);
    expect(loose.label).toBe('contradicted');
    // Said plainly, since no sentence shows a contradiction.
    expect(loose.reasons.join(' ')).toMatch(
      /no cited sentence shows a denial of it.*treat this verdict with caution/,
    );
    expect(loose.reasons.join(' ')).not.toMatch(/The strongest evidence says the opposite/);
    const strict = { ...model, contradictedNeedsOpposing: true };
    const read = verdictOf(unshown, strict);
    expect(read.label).toBe('unsettled');
    expect(read.reasons.join(' ')).toMatch(
      /The model leans against the claim, but no cited sentence shows anything that contradicts it/,
    );
    // A sentence that opposes it (a clear lean and a contradiction signal) still carries "contradicted".
    const opposed = verdictOf([item(0.2, 0.7)], strict);
    expect(opposed.label).toBe('contradicted');
    expect(opposed.reasons.join(' ')).toMatch(/The strongest evidence says the opposite of the claim/);
  });

  it('with contradictedNotOutvoted, does not say "contradicted" when more cited sentences lean toward the claim', () => {
    const model = fixedVerdict({ refuted: 0.6, 'not enough info': 0.3, supported: 0.05, conflicting: 0.05 });
    // One sentence leans toward the claim; three are read as against it but show no contradiction:
    // the balance of readings leans against, the count of sentences that take a side does not.
    const evidence = [
      item(0.7, 0.2),
      ...[0, 1, 2].map(() => ({ ...item(0.3, 0.65), contradicts: [] }) as Evidence),
    ];
    expect(verdictOf(evidence, model).label).toBe('contradicted');
    const counted = verdictOf(evidence, { ...model, contradictedNotOutvoted: true });
    expect(counted.label).toBe('unsettled');
    expect(counted.reasons.join(' ')).toMatch(
      /more cited sentences lean toward it \(1\) than against it \(0\)/,
    );
    // With a sentence that opposes it, the counts are level and "contradicted" stands.
    const opposed = verdictOf([...evidence, item(0.2, 0.7)], { ...model, contradictedNotOutvoted: true });
    expect(opposed.label).toBe('contradicted');
  });

  it('says why nothing is evidence: too little relevance, too little of the claim, or none of its names', () => {
    const model = fixedVerdict({
      supported: 0.25,
      refuted: 0.25,
      'not enough info': 0.25,
      conflicting: 0.25,
    });
    const notFound = (shortOf?: ShortOf) =>
      decideVerdict({
        evidence: [],
        ranked: [item(0.5, 0.1)],
        provenance: { origins: [], articleCount: 0 } as unknown as Provenance,
        claimNegated: false,
        minRelevance: 0.5,
        models: { ...getLearnedModels(), verdict: model },
        shortOf,
      });
    expect(notFound().label).toBe('not-found');
    expect(notFound({ gate: 'relevance', relevance: 0.4 }).reasons[0]).toMatch(
      /likely enough.*closest scores 90%/,
    );
    expect(notFound({ gate: 'coverage', relevance: 0.99, coverage: 0.22, minCoverage: 0.3 }).reasons[0]).toBe(
      "No sentence in the corpus holds enough of the claim: the closest scores 99% but holds 22% of the claim's weight (30% needed).",
    );
    expect(notFound({ gate: 'names', relevance: 0.99, names: ['Sotloff'] }).reasons[0]).toBe(
      'No sentence in the corpus that bears on the claim names Sotloff: the closest scores 99% but does not.',
    );
    expect(notFound({ gate: 'names', relevance: 1, names: ['Martians', 'Ohio'] }).reasons[0]).toMatch(
      /names Martians or Ohio: the closest scores 100% but names neither\.$/,
    );
  });

  it('calls a claim supported only at or above the fitted confidence floor', () => {
    const evidence = [item(0.7, 0.1), item(0.6, 0.1)];
    const probabilities = { supported: 0.55, refuted: 0.15, 'not enough info': 0.2, conflicting: 0.1 };
    expect(verdictOf(evidence, fixedVerdict(probabilities, { supported: 0.5 })).label).toBe('supported');
    const weak = verdictOf(evidence, fixedVerdict(probabilities, { supported: 0.6 }));
    expect(weak.label).toBe('unsettled');
    expect(weak.reasons.join(' ')).toMatch(/not clearly enough to call it supported/);
  });
});
