import { describe, expect, it } from 'vitest';
import { attributeSentence, describeAttribution } from '../src/assess/attribute-sentence.js';

describe('who says a sentence', () => {
  it('names the outlet whose reporting a sentence relays', () => {
    expect(
      attributeSentence(
        'Rubio told Bukele that Bondi would carry out the process, the Washington Post reported on Sunday.',
      ),
    ).toMatchObject({ kind: 'outlet', who: 'Washington Post', onRecord: true });
    expect(attributeSentence('According to Reuters, the plant closed in May.')).toMatchObject({
      kind: 'outlet',
      who: 'Reuters',
    });
    // "the report added" names no outlet: it is the one the article credits elsewhere.
    expect(
      attributeSentence('The deal gave access to the prison, the report added.', 'Washington Post'),
    ).toMatchObject({ kind: 'outlet', who: 'Washington Post' });
  });

  it('keeps anonymous sources apart, off the record, with what describes them', () => {
    expect(attributeSentence('Officials familiar with the call said the deal was struck in March.')).toEqual({
      kind: 'anonymous',
      who: 'Officials familiar with the call',
      role: null,
      onRecord: false,
      via: null,
    });
    expect(
      attributeSentence(
        'By pledging that, current and former Justice Department officials argue that Rubio risked years of work.',
      ),
    ).toMatchObject({ kind: 'anonymous', who: 'current and former Justice Department officials' });
    expect(
      attributeSentence(
        'The deal would hand Bukele custody of them, the report cited officials as saying.',
        'Washington Post',
      ),
    ).toMatchObject({ kind: 'anonymous', who: 'officials', via: 'Washington Post' });
  });

  it('names a quoted person with the role the sentence gives them, and an organisation as such', () => {
    expect(
      attributeSentence(
        '“The deal is a deep betrayal,” Douglas Farah, a US contractor who worked with federal authorities, was quoted by the newspaper as saying.',
      ),
    ).toMatchObject({
      kind: 'person',
      who: 'Douglas Farah',
      role: 'a US contractor who worked with federal authorities',
      onRecord: true,
    });
    expect(
      attributeSentence(
        '“Americans are safer as a result,” remarked State Department spokesman Tommy Pigott.',
      ),
    ).toMatchObject({ kind: 'person', who: 'Tommy Pigott', role: 'State Department spokesman' });
    expect(
      attributeSentence('"It is incorrect," said Gary Burtless, a Brookings Institution economist.'),
    ).toMatchObject({ kind: 'person', who: 'Gary Burtless', role: 'a Brookings Institution economist' });
    expect(attributeSentence('The State Department rejected criticism of the deal.')).toMatchObject({
      kind: 'organisation',
      who: 'State Department',
    });
    expect(attributeSentence('The ministry said on Tuesday that 40 people had died.')).toMatchObject({
      kind: 'organisation',
    });
  });

  it('reads an act stated plainly as the article’s own voice, not as speech', () => {
    expect(
      attributeSentence('Lopez Larios was returned to El Salvador two days after the call.'),
    ).toMatchObject({
      kind: 'own-voice',
      who: null,
    });
    expect(attributeSentence('Rubio agreed to compromise US informants.').kind).toBe('own-voice');
  });

  it('says it in words for the report', () => {
    expect(
      describeAttribution({
        kind: 'anonymous',
        who: 'officials',
        role: null,
        onRecord: false,
        via: 'Washington Post',
      }),
    ).toBe('officials (anonymous, not on the record), via Washington Post');
    expect(
      describeAttribution({
        kind: 'person',
        who: 'Tommy Pigott',
        role: 'spokesman',
        onRecord: true,
        via: null,
      }),
    ).toBe('Tommy Pigott (spokesman), on the record');
  });
});
