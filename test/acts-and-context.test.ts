import { describe, expect, it } from 'vitest';
import { detectModality, isNegated } from '../src/assess/detect-modality.js';
import { citedOrigin, traceProvenance } from '../src/assess/trace-provenance.js';
import { consequencesAndContext, promisedAndDone, promisesAndActs } from '../src/compose/acts-and-context.js';
import { Citer } from '../src/compose/citer.js';
import type { Evidence, StoredArticle } from '../src/types.js';

// A made-up local story (no names from the seed) to show the rules are general.
const ARTICLE: StoredArticle = {
  id: 'a1',
  source: 'bridge.html',
  contentHash: 'h',
  ingestedAt: '2026-01-01T00:00:00Z',
  syndicationGroup: null,
  title: 'Mayor pledges to reopen the river bridge',
  standfirst: null,
  authors: ['Ann Reporter'],
  outlet: 'Valley Courier',
  section: null,
  published: '2026-01-02',
  updated: null,
  dateline: null,
  language: 'en',
  url: null,
  text: '',
};

function item(passageText: string, sentence: string, coverage = 0.5, ordinal = 0): Evidence {
  return {
    sentence: { passageId: `a1:${ordinal}`, ordinal, text: sentence },
    passage: { id: `a1:${ordinal}`, articleId: 'a1', ordinal, text: passageText },
    article: ARTICLE,
    coverage,
    matchedTerms: ['bridge'],
    modality: detectModality(sentence),
    negated: isNegated(sentence),
    relevance: 0.9,
    stance: { supports: 0.6, refutes: 0.1, neutral: 0.3 },
    restatesClaim: false,
    contradicts: [],
  };
}

const promise = item(
  'Mayor Lena Ortiz promised that the city would reopen the river bridge to traffic.',
  'Mayor Lena Ortiz promised that the city would reopen the river bridge to traffic.',
);
const act = item(
  'The east lane of the river bridge was reopened two days after the council vote.',
  'The east lane of the river bridge was reopened two days after the council vote.',
  0.4,
  1,
);
const quotedAct = item(
  '“The bridge is safe. Crews repaired the bridge deck last week and we are done,” the engineer said.',
  'Crews repaired the bridge deck last week and we are done,',
  0.4,
  2,
);
const attributedAct = item(
  'The bridge was closed in March, officials said.',
  'The bridge was closed in March, officials said.',
  0.4,
  3,
);
const undated = item('The bridge was painted green.', 'The bridge was painted green.', 0.4, 4);
const consequence = item(
  'The closure risked undermining trade across the river bridge for months.',
  'The closure risked undermining trade across the river bridge for months.',
  0.3,
  5,
);

describe('modality', () => {
  it('reads a defence ("rejected criticism of …") as no denial, and a rejected report as one', () => {
    expect(detectModality('The council rejected criticism of the mayor’s bridge plan.')).toBe('asserted');
    expect(detectModality('The council rejected the report that the bridge had closed.')).toBe('denied');
    expect(detectModality('The mayor promised that the bridge would reopen.')).toBe('promised');
  });
});

describe('promises kept apart from acts', () => {
  it('finds the dated act the article states in its own voice, not quoted, attributed or undated ones', () => {
    const found = promisesAndActs([promise, act, quotedAct, attributedAct, undated], [promise]);
    expect(found.promises).toEqual([promise]);
    expect(found.acts).toEqual([act]);
    const section = promisedAndDone(new Citer(), found)!;
    expect(section.title).toBe('What was promised, and what was done');
    expect(section.sentences.map((sentence) => sentence.text.split(',')[0])).toEqual([
      'Promised or planned (“promised”)',
      'Reported as done',
      'The cited reporting states one act as done; the rest rests on what was promised.',
    ]);
    expect(section.sentences.every((sentence) => sentence.citations.length > 0)).toBe(true);
  });

  it('reads a condition ("If …, it would …") as no promise', () => {
    const condition = item(
      'If the river bridge stays closed, it would be the worst blow to trade since the flood.',
      'If the river bridge stays closed, it would be the worst blow to trade since the flood.',
      0.4,
      7,
    );
    expect(condition.modality).toBe('promised');
    expect(promisesAndActs([promise, condition, act], [promise]).promises).toEqual([promise]);
    expect(promisedAndDone(new Citer(), promisesAndActs([condition, act], [condition]))).toBeNull();
  });

  it('says that no act is stated when only the promise is reported, and stays out when nothing is promised', () => {
    const onlyPromise = promisesAndActs([promise, quotedAct, undated], [promise]);
    expect(onlyPromise.acts).toEqual([]);
    expect(promisedAndDone(new Citer(), onlyPromise)!.sentences.at(-1)!.text).toBe(
      'None of the cited reporting states in its own voice that the promise was carried out.',
    );
    expect(promisedAndDone(new Citer(), promisesAndActs([act], [act]))).toBeNull();
  });

  it('gathers consequences and context from the same story, skipping sentences already used', () => {
    const section = consequencesAndContext(
      new Citer(),
      [promise, act, consequence],
      [promise],
      [promise, act],
    )!;
    expect(section.title).toBe('Consequences and context');
    expect(section.sentences).toHaveLength(1);
    expect(section.sentences[0]!.text).toMatch(/^On the consequences, .*risked undermining trade/);
    expect(consequencesAndContext(new Citer(), [promise], [promise], [promise])).toBeNull();
  });

  it('credits an origin named in another sentence of the same story', () => {
    const credit = item(
      'The plan was first disclosed by the Valley Gazette. The Valley Gazette reported the vote on Monday.',
      'The Valley Gazette reported the vote on Monday.',
      0.2,
      6,
    );
    expect(citedOrigin(credit.sentence.text)).toBe('Valley Gazette');
    expect(traceProvenance([promise], new Map()).origins).toEqual(['Valley Courier']);
    expect(traceProvenance([promise], new Map(), [credit]).origins).toEqual(['Valley Gazette']);
  });
});
