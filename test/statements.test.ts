import { describe, expect, it } from 'vitest';
import { clusterStatements, originsOf, outletsOf } from '../src/assess/cluster-statements.js';
import { readStatement, sameStatement } from '../src/assess/same-statement.js';
import { newsPairs, sickPairs } from '../scripts/lib/statement-pairs.js';
import { HAS_SHARED } from './helpers/shared.js';
import { sentenceOf } from './helpers/evidence-for.js';

const same = (a: string, b: string) => sameStatement(readStatement(a), readStatement(b));

describe('two sentences that state the same fact', () => {
  it('are one statement when one outlet rewrites another', () => {
    expect(
      same(
        'Nicaragua’s government said Sunday that a mysterious boom heard overnight in the capital was made by a small meteorite.',
        'Nicaragua’s government said Sunday that a loud boom heard overnight by residents of the capital was made by a small meteorite.',
      ),
    ).toBe(true);
  });

  it('are not when their numbers disagree or one denies what the other states', () => {
    expect(
      same(
        'The video has been viewed 300,000 times since it was uploaded.',
        'The video has been viewed 200,000 times since it was uploaded.',
      ),
    ).toBe(false);
    expect(
      same(
        'A bird defecated on Putin during his speech in Moscow.',
        'A bird did not defecate on Putin during his speech in Moscow.',
      ),
    ).toBe(false);
  });

  it('are not when they only share a name or a few words', () => {
    expect(same('Sotloff was 31.', 'Sotloff disappeared in Syria in August 2013 while reporting.')).toBe(
      false,
    );
  });
});

const item = sentenceOf;

describe('statements across outlets', () => {
  it('group every outlet that states a fact under its best-ranked wording, and count its origins', () => {
    const items = [
      item(
        'a',
        'gazette',
        'The council voted on Tuesday to rebuild the Miller Creek bridge after the flood.',
      ),
      item('b', 'courier', 'The mayor said the bridge would cost $4 million.'),
      item('c', 'wire', 'On Tuesday the council voted to rebuild the Miller Creek bridge after the flood.'),
      item(
        'd',
        'radio',
        'The council voted on Tuesday to rebuild the Miller Creek bridge after the flood, the Gazette reported.',
      ),
    ];
    const statements = clusterStatements(items);
    expect(statements.map((statement) => statement.items.map((entry) => entry.article.id))).toEqual([
      ['a', 'c', 'd'],
      ['b'],
    ]);
    expect(outletsOf(statements[0]!.items)).toEqual(['gazette', 'wire', 'radio']);
    // The radio story credits the Gazette: two independent origins, not three.
    expect(originsOf(statements[0]!.items, new Map([['d', 'gazette']]))).toEqual(['gazette', 'wire']);
  });
});

describe.skipIf(!HAS_SHARED)('the labelled pairs of npm run eval:statements', () => {
  it('still name the sentences that were labelled (../shared and the sentence splitter unchanged)', () => {
    const news = newsPairs();
    expect(news).toHaveLength(120);
    expect(news.filter((pair) => pair.same).length).toBe(95);
    expect(new Set(news.map((pair) => pair.group)).size).toBe(5);
    const sick = sickPairs();
    expect(sick.filter((pair) => pair.group === 'test').length).toBe(4906);
  });
});
