import { describe, expect, it } from 'vitest';
import { statesSomething } from '../src/compose/states-something.js';
import { otherSources } from '../src/compose/found-sections.js';
import { Citer } from '../src/compose/citer.js';
import type { Evidence } from '../src/types.js';

describe('what a report quotes as what a source reports', () => {
  it.each([
    ['Joan Rivers.', false],
    ['Sotloff, 31.', false],
    ['Photo: Reuters', false],
    ["Justin Bieber at amfAR's 21st Cinema Against AIDS Gala.", false],
    ["Bunbury Man's Bali horror.", false],
    ['South Korea newspaper claims Kim fractured both ankles', true],
    ['He resigned.', true],
    ['ISIS beheads Steven Sotloff', true],
    ['The council voted against the dam plan on Tuesday.', true],
  ])('"%s" states something: %s', (sentence, states) => {
    expect(statesSomething(sentence)).toBe(states);
  });

  const item = (text: string, outlet: string, ordinal: number) =>
    ({
      sentence: { text, passageId: `${outlet}:0`, ordinal },
      passage: { id: `${outlet}:0`, articleId: outlet, ordinal: 0, text },
      article: { id: outlet, source: outlet, outlet, url: `https://${outlet}.example/a`, authors: [] },
      relevance: 0.9,
      coverage: 0.8,
      restatesClaim: false,
      negated: false,
    }) as unknown as Evidence;

  it('quotes another outlet by its best sentence that states something, not by a caption', () => {
    const groups = [
      [item('The council approved the Miller Creek dam on Tuesday.', 'Gazette', 0)],
      [
        item('Maria Okafor.', 'Courier', 0),
        item('Maria Okafor said the dam would flood the old mill road.', 'Courier', 1),
      ],
    ];
    const section = otherSources(new Citer(), groups)!;
    const text = section.sentences.map((sentence) => sentence.text).join(' ');
    expect(text).toContain('flood the old mill road');
    expect(text).not.toMatch(/“Maria Okafor\.”/);
  });
});
