import { describe, expect, it } from 'vitest';
import { findReactions } from '../src/compose/reactions.js';
import type { Evidence } from '../src/types.js';

const item = (text: string, ordinal: number) =>
  ({
    sentence: { text, passageId: 'courier:0', ordinal },
    passage: { id: 'courier:0', articleId: 'courier', ordinal: 0, text },
    article: { id: 'courier', source: 'courier', outlet: 'Valley Courier', authors: [] },
    relevance: 0.9,
    coverage: 0.5,
    restatesClaim: false,
    negated: false,
  }) as unknown as Evidence;

describe('who reacted', () => {
  const evidence = [item('The council approved the Miller Creek dam on Tuesday.', 0)];

  it('reads someone saying something as a reaction, not a "so-called" name or a caption', () => {
    const reaction = item('Mayor Lena Ortiz said the dam would protect the valley from floods.', 1);
    const soCalled = item(
      'Ortiz, who served on the Valley Water Board, fought the so-called dam tax for years.',
      2,
    );
    const caption = item('(Valley News in', 3);
    const found = findReactions([...evidence, soCalled, caption, reaction], evidence);
    expect(found).toEqual([reaction]);
  });
});
