import { describe, expect, it } from 'vitest';
import { analyzeClaim } from '../src/assess/analyze-claim.js';
import { pastTense, thirdPerson } from '../src/assess/inflect-verb.js';
import { questionToClaim } from '../src/assess/question-to-claim.js';
import { loadEvalStore } from '../src/eval/load-eval-store.js';
import { retrievePassages } from '../src/retrieve/retrieve-passages.js';
import { oneEditAway } from '../src/retrieve/correct-spelling.js';
import { checkClaimDetailed } from '../src/check-claim.js';
import { renderReport } from '../src/render/render-report.js';

describe('questionToClaim', () => {
  it.each([
    [
      'Did Rubio turn over DOJ MS-13 informants to get access to El Salvadoran prisons?',
      'Rubio turned over DOJ MS-13 informants to get access to El Salvadoran prisons.',
    ],
    ['Did the president sign the bill in March?', 'The president signed the bill in March.'],
    ['Did a man in Florida win the lottery twice?', 'A man in Florida won the lottery twice.'],
    [
      'Did the Riverton council vote to rebuild the Miller Creek bridge?',
      'The Riverton council voted to rebuild the Miller Creek bridge.',
    ],
    ['Did the House vote to release the Epstein files?', 'The House voted to release the Epstein files.'],
    ['Does coffee cause cancer?', 'Coffee causes cancer.'],
    ['Has Apple bought Beats for $3 billion?', 'Apple has bought Beats for $3 billion.'],
    ['Will Obama visit Cuba?', 'Obama will visit Cuba.'],
    ['Is the Earth warming because of CO2?', 'The Earth is warming because of CO2.'],
    ['Was Kim Jong-un killed?', 'Kim Jong-un was killed.'],
    ['Is it true that the moon landing was faked?', 'The moon landing was faked.'],
    ['the senate passed the bill', 'The senate passed the bill.'],
    ['Who killed JFK?', 'Who killed JFK.'],
    ['Says Adam Schiff is under investigation.', 'Adam Schiff is under investigation.'],
    ['Says that the tax was cut twice', 'The tax was cut twice.'],
    // As people type them: no question mark, a full stop, a trailing comma.
    ['did rubio turn over informants', 'Rubio turned over informants.'],
    ['Did Rubio turn over MS13 informants.', 'Rubio turned over MS13 informants.'],
    ['House vote count on Epstein, 217 for GOP,', 'House vote count on Epstein, 217 for GOP.'],
    ['Is the Earth warming', 'The Earth is warming.'],
    // A tag asking for agreement, an adverb before the verb, a perfect passive.
    ['Foley was beheaded by ISIS, right?', 'Foley was beheaded by ISIS.'],
    ["ISIS beheaded Foley, didn't they?", 'ISIS beheaded Foley.'],
    ['Did ISIS really behead Foley?', 'ISIS really beheaded Foley.'],
    ['Has Foley been beheaded?', 'Foley has been beheaded.'],
    // What is said of a name that ends the question: a number, a title.
    ['Was Sotloff 41?', 'Sotloff was 41.'],
    ['was steven sotloff 31', 'Steven sotloff was 31.'],
    // A modal that opens a name states, without a question mark.
    ['Will Smith slapped Chris Rock.', 'Will Smith slapped Chris Rock.'],
  ])('%s → %s', (question, claim) => {
    expect(questionToClaim(question)).toBe(claim);
  });
});

describe('verb inflection', () => {
  it('forms regular and irregular past tenses and third persons', () => {
    expect(['turn', 'hand', 'stop', 'deny', 'agree', 'give', 'seek'].map(pastTense)).toEqual([
      'turned',
      'handed',
      'stopped',
      'denied',
      'agreed',
      'gave',
      'sought',
    ]);
    expect(['cause', 'deny', 'go', 'watch'].map(thirdPerson)).toEqual([
      'causes',
      'denies',
      'goes',
      'watches',
    ]);
  });
});

describe('analyzeClaim', () => {
  it('finds content terms and named entities', () => {
    const claim = analyzeClaim(
      'Did Rubio turn over DOJ MS-13 informants to get access to El Salvadoran prisons?',
    );
    expect(claim.terms).toEqual([
      'rubio',
      'turned',
      'doj',
      'ms-13',
      'informants',
      'get',
      'access',
      'el',
      'salvadoran',
      'prisons',
    ]);
    expect(claim.entities).toContain('Rubio');
    expect(claim.entities).toContain('El Salvadoran');
  });
});

describe('one term however it is written', () => {
  it('gives spelling variants of a name or term the same terms', () => {
    const terms = (text: string) => analyzeClaim(text).terms;
    expect(terms('MS13 gang leaders')).toEqual(terms('MS-13 gang leaders'));
    expect(terms('The DOJ ended protections')).toEqual(terms('The Justice Department ended protections'));
    expect(terms('The Department of Justice ended protections')).toEqual(terms('DOJ ended protections'));
    expect(terms('Troops in D.C.')).toEqual(terms('Troops in DC'));
    expect(terms('U.S. troops')).toEqual(terms('US troops'));
    // An upper-case acronym that is also a common word stays a term; the common word does not.
    expect(terms('WHO officials warned')).toContain('w-h-o');
    expect(terms('Officials who warned')).not.toContain('w-h-o');
    // In a text written in capitals throughout, a capitalised word is no acronym.
    expect(terms('WHO WARNED THE CITY')).not.toContain('w-h-o');
  });

  it('finds passages that write the term another way', async () => {
    const store = await loadEvalStore([
      { id: 'a', text: 'The Justice Department ended its protections for the informants.' },
      { id: 'b', text: 'MS13 leaders were handed over in March.' },
      { id: 'c', text: 'Rain fell over the city all week.' },
    ]);
    const found = async (text: string) =>
      (await retrievePassages(store, analyzeClaim(text))).map((hit) => hit.article.source);
    expect(await found('Did the DOJ end protections?')).toContain('a');
    expect(await found('Were MS-13 leaders handed over?')).toContain('b');
    await store.close();
  });
});

describe('named entities', () => {
  it('does not take a common word for a name because it starts the sentence', () => {
    expect(analyzeClaim('Global warming is driving polar bears toward extinction.').entities).toEqual([]);
    expect(analyzeClaim('National polls have never predicted the winner.').entities).toEqual([]);
    expect(analyzeClaim('Greenland is melting.').entities).toEqual(['Greenland']);
    expect(analyzeClaim('Marco Rubio met Bukele.').entities).toEqual(['Marco Rubio', 'Bukele']);
  });

  it('ends a name at a comma, drops a title before it, and skips words that open a quotation', () => {
    expect(
      analyzeClaim('After a vote in the New Mexico Senate, Gov. Michelle Lujan Grisham had guns seized.')
        .entities,
    ).toEqual(['New Mexico Senate', 'Michelle Lujan Grisham']);
    expect(
      analyzeClaim('Bill Murray said, “So if we lie to the government, it’s a felony. But they lie to us.')
        .entities,
    ).toEqual(['Bill Murray']);
  });
});

describe('typos', () => {
  const corpus = [
    { id: 'a', text: 'Marco Rubio assured Bukele that the informants would be returned.' },
    { id: 'b', text: 'Rubio spoke to reporters about the informants on Monday.' },
    { id: 'c', text: 'The minister visited the prison in March.' },
  ];

  it('reads a word no passage holds as the stored word one edit away, and says so', async () => {
    const store = await loadEvalStore(corpus);
    const { report } = await checkClaimDetailed('Did Ruboi turn over the infromants?', {
      store,
      asOf: '2026-01-01',
    });
    await store.close();
    expect(report.spelling).toEqual([
      { from: 'Ruboi', to: 'Rubio' },
      { from: 'infromants', to: 'informants' },
    ]);
    expect(report.claim).toBe('Rubio turned over the informants.');
    expect(report.question).toBe('Did Ruboi turn over the infromants?');
    expect(renderReport(report, 'markdown')).toContain('read “Ruboi” as “Rubio”');
  });

  it('leaves English words, short words and names with no stored neighbour as typed', async () => {
    const store = await loadEvalStore(corpus);
    for (const question of ['Did the ministry visit the prison?', 'Did Zelensky visit the prison?']) {
      const { report } = await checkClaimDetailed(question, { store, asOf: '2026-01-01' });
      expect(report.spelling).toBeUndefined();
    }
    await store.close();
  });

  it('lists every word one edit away', () => {
    expect(oneEditAway('ab')).toEqual(expect.arrayContaining(['a', 'b', 'ba', 'abc', 'cab', 'xb']));
    expect(oneEditAway('ab')).not.toContain('ab');
  });
});
