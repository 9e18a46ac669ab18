import { describe, expect, it } from 'vitest';
import { analyzeClaim } from '../src/assess/analyze-claim.js';
import { pastTense, thirdPerson } from '../src/assess/inflect-verb.js';
import { questionToClaim } from '../src/assess/question-to-claim.js';

describe('questionToClaim', () => {
  it.each([
    [
      'Did Rubio turn over DOJ MS-13 informants to get access to El Salvadoran prisons?',
      'Rubio turned over DOJ MS-13 informants to get access to El Salvadoran prisons.',
    ],
    ['Did the president sign the bill in March?', 'The president signed the bill in March.'],
    ['Did a man in Florida win the lottery twice?', 'A man in Florida won the lottery twice.'],
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
