import { describe, expect, it } from 'vitest';
import { citedOrigin, traceProvenance } from '../src/assess/trace-provenance.js';
import { containment, shingles } from '../src/assess/shared-text.js';
import { assignRoles } from '../src/compose/assign-roles.js';
import { Citer } from '../src/compose/citer.js';
import type { Evidence, StoredArticle } from '../src/types.js';

// An invented story, told by an original, a repost that adds a paragraph, and an independent report.
const ORIGINAL_TEXT = [
  'The Riverton council met late on Tuesday and voted seven to two to build a dam on Miller Creek, ending a debate that had run for more than ten years in the valley.',
  'Council members who opposed the plan said the cost of the dam would fall on farmers downstream, while the mayor said the valley had flooded three times in a decade and could not wait.',
  'Construction is expected to begin next spring once the state signs off on the environmental review, officials told the meeting, and the first stage will take two years.',
].join('\n\n');

function article(
  id: string,
  outlet: string,
  published: string,
  text: string,
  group: string | null = null,
): StoredArticle {
  return {
    id,
    source: `${id}.html`,
    contentHash: id,
    ingestedAt: '2026-03-10T00:00:00Z',
    syndicationGroup: group,
    title: `${outlet} on the dam`,
    standfirst: null,
    authors: [],
    outlet,
    section: null,
    published,
    updated: null,
    dateline: null,
    language: 'en',
    url: `https://${id}.example/dam`,
    text,
  };
}

/** The texts of the evidence's articles, as `Store.articleTexts` gives them. */
function textsOf(evidence: Evidence[]): Map<string, string> {
  return new Map(evidence.map((item) => [item.article.id, (item.article as StoredArticle).text]));
}

function evidenceFrom(source: StoredArticle, sentence: string): Evidence {
  return {
    sentence: { passageId: `${source.id}:0`, ordinal: 0, text: sentence },
    passage: { id: `${source.id}:0`, articleId: source.id, ordinal: 0, text: source.text.split('\n\n')[0]! },
    article: source,
    coverage: 0.8,
    matchedTerms: ['dam'],
    modality: 'asserted',
    negated: false,
    relevance: 0.9,
    stance: { supports: 0.7, refutes: 0.1, neutral: 0.2 },
    restatesClaim: false,
    contradicts: [],
  };
}

const FIRST_SENTENCE = ORIGINAL_TEXT.split('\n\n')[0]!;
const original = article('gazette', 'Riverton Gazette', '2026-03-04', ORIGINAL_TEXT);
const repost = article(
  'aggregator',
  'NewsNow Aggregator',
  '2026-03-05',
  `Here is what we know so far about the dam and what it means for you.\n\n${ORIGINAL_TEXT}\n\nShare this story with your friends.`,
);
const independent = article(
  'courier',
  'Valley Courier',
  '2026-03-04',
  'Seven of nine Riverton council members backed the Miller Creek dam on Tuesday night. Farmers at the hearing warned about water rights and asked the state to delay its review until summer.',
);

describe('origins', () => {
  it('measures how much of one text another holds, on the smaller', () => {
    const part = shingles(ORIGINAL_TEXT);
    expect(containment(part, shingles(repost.text))).toBe(1);
    expect(containment(shingles(repost.text), part)).toBeLessThan(1);
    expect(containment(part, shingles(independent.text))).toBe(0);
  });

  it('counts a repost that holds another article as that article’s account, named after its first publisher', () => {
    const evidence = [original, repost, independent].map((source) => evidenceFrom(source, FIRST_SENTENCE));
    const provenance = traceProvenance(evidence, textsOf(evidence));
    expect(provenance.origins).toEqual(['Riverton Gazette', 'Valley Courier']);
    expect(provenance.originOf.get('aggregator')).toBe('Riverton Gazette');
    const citer = new Citer(provenance.originOf);
    citer.cite(evidence);
    const roles = assignRoles(citer.list(), provenance);
    expect(roles.map((source) => [source.outlet, source.role, source.repeats])).toEqual([
      ['Riverton Gazette', 'origin', null],
      ['NewsNow Aggregator', 'repeats', 'Riverton Gazette'],
      ['Valley Courier', 'independent', null],
    ]);
  });

  it('counts copies grouped at ingest as one account even when their texts differ', () => {
    const a = article('a', 'Outlet A', '2026-03-04', 'The council voted for the dam.', 'g1');
    const b = article('b', 'Outlet B', '2026-03-06', 'Council votes for dam.', 'g1');
    const evidence = [evidenceFrom(a, a.text), evidenceFrom(b, b.text)];
    const provenance = traceProvenance(evidence, textsOf(evidence));
    expect(provenance.origins).toEqual(['Outlet A']);
  });

  it('reads wire credits and the crediting language of news prose', () => {
    expect(citedOrigin('RIVERTON (AP) — The council voted for the dam.')).toBe('AP');
    expect(citedOrigin('The mayor resigned, citing a report by the Riverton Gazette on the costs.')).toBe(
      'Riverton Gazette',
    );
    expect(citedOrigin('A new ProPublica investigation found the costs were hidden.')).toBe('ProPublica');
    expect(citedOrigin('The plan was first reported by Valley Courier on Monday.')).toBe('Valley Courier');
    expect(citedOrigin('The bear fled back into the forest, reports The Austrian Times.')).toBe(
      'Austrian Times',
    );
    expect(citedOrigin('The council voted for the dam on Tuesday.')).toBeNull();
    // A channel's number is part of its name; a count after an acronym is not.
    expect(citedOrigin('The minister told Channel 2 that he had no information.')).toBe('Channel 2');
    expect(citedOrigin('The mayor told WKRN 12 families had left.')).toBe('WKRN');
    // The origin's reporter interviewed by another outlet: the account is the reporter's outlet's.
    expect(citedOrigin('Riverton Gazette reporter Jane Doe told Valley Radio the costs were hidden.')).toBe(
      'Riverton Gazette',
    );
    expect(
      citedOrigin('Jane Doe, a city hall reporter for the Riverton Gazette, said the costs were hidden.'),
    ).toBe('Riverton Gazette');
    expect(citedOrigin('Our reporter John Smith visited the dam.')).toBeNull();
    // A journalist who is the story's subject, not its source, credits no outlet.
    expect(citedOrigin('The group threatened to kill Time journalist Joel Sotloff next.')).toBeNull();
    expect(
      citedOrigin('American journalist Steven Sotloff said in the video that he was paying the price.'),
    ).toBeNull();
    expect(citedOrigin('Sotloff, a freelance journalist for Time, was kidnapped in 2013.')).toBeNull();
    // An investigation by a country or an office is not an outlet's report.
    expect(citedOrigin('The deal would impede a US investigation into the ties.')).toBeNull();
  });

  it('credits an outlet named by any copy of an account for all of it', () => {
    const credited = article(
      'credited',
      'Metro Daily',
      '2026-03-06',
      `${ORIGINAL_TEXT}\n\nThe Riverton Gazette reported the vote first.`,
    );
    const evidence = [
      evidenceFrom(repost, FIRST_SENTENCE),
      evidenceFrom(credited, 'The Riverton Gazette reported the vote first.'),
    ];
    expect(traceProvenance(evidence, textsOf(evidence)).origins).toEqual(['Riverton Gazette']);
  });

  it('counts an outlet credited by name and stored under its web site as one origin, named by its name', () => {
    const site = article(
      'site',
      'www.valleycourier.com',
      '2026-03-05',
      'Seven of nine council members backed the dam on Tuesday night, and farmers asked for a delay.',
    );
    const crediting = article(
      'crediting',
      'Metro Daily',
      '2026-03-06',
      'The council backed the dam on Tuesday, the Valley Courier reported, after a long debate.',
    );
    const evidence = [
      evidenceFrom(site, site.text),
      evidenceFrom(crediting, crediting.text),
      evidenceFrom(original, FIRST_SENTENCE),
    ];
    const provenance = traceProvenance(evidence, textsOf(evidence));
    expect(provenance.origins).toEqual(['Riverton Gazette', 'Valley Courier']);
    expect(provenance.originOf.get('site')).toBe('Valley Courier');
  });
});
