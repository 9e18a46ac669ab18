import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datesInSentence } from '../src/assess/resolve-dates.js';
import { checkClaim } from '../src/check-claim.js';
import { dateInUrl } from '../src/extract/parse-date.js';
import type { Store } from '../src/store/store.js';
import { expectCitationIntegrity } from './helpers/citation-integrity.js';
import { expectValidReport } from './helpers/report-schema.js';
import { storeOf } from './helpers/story-store.js';

describe('the dates a sentence gives for what it reports', () => {
  // 2026-03-04 is a Wednesday.
  const published = '2026-03-04';
  const isos = (sentence: string, day: string | null = published) =>
    datesInSentence(sentence, day).map((date) => date.iso);

  it('resolves weekdays and "yesterday" against the article’s day', () => {
    expect(isos('The council voted on Tuesday to approve the dam.')).toEqual(['2026-03-03']);
    expect(isos('The dam was approved on Wednesday.')).toEqual(['2026-03-04']);
    expect(isos('The mayor resigned yesterday.')).toEqual(['2026-03-03']);
    expect(isos('The council voted on Tuesday.', null)).toEqual([]);
  });

  it('reads written dates, giving a missing year as the article’s or the one before', () => {
    expect(isos('Floods hit the valley on February 27.')).toEqual(['2026-02-27']);
    expect(isos('Floods hit the valley on 27 February 2019.')).toEqual(['2019-02-27']);
    expect(isos('The plan was first drawn up on December 30.')).toEqual(['2025-12-30']);
    expect(isos('The dam was first proposed in March 2019 and again in 2021.')).toEqual(['2019-03', '2021']);
  });

  it('leaves out a date that only dates the saying', () => {
    expect(isos('The dam will cost $40 million, officials said Tuesday.')).toEqual([]);
  });
});

describe('the publication day an address carries', () => {
  it.each([
    ['http://www.salon.com/2014/08/19/journalist_beheaded/', '2014-08-19'],
    ['https://news.example/world/2025-10-19/story.html', '2025-10-19'],
    ['https://news.example/a-story-20251019.html', '2025-10-19'],
    ['https://news.example/2014/08/', null],
    ['https://news.example/2014/13/40/x', null],
    ['not a url', null],
  ])('%s → %s', (url, day) => {
    expect(dateInUrl(url)).toBe(day);
  });
});

/** Three invented outlets' reports of a flood and its aftermath, written by the test. */
const ARTICLES = [
  {
    outlet: 'Riverton Gazette',
    title: 'Flood closes Miller Creek bridge',
    published: '2026-03-04',
    url: 'https://gazette.example/flood',
    text: 'The Miller Creek flood destroyed the old bridge on February 27, officials said.\n\nThe Riverton council voted on Tuesday to rebuild the Miller Creek bridge after the flood.\n\nRepairs to the Miller Creek bridge started in 2019 but were never finished.',
  },
  {
    outlet: 'Valley Courier',
    title: 'Council backs new bridge after flood',
    published: '2026-03-05',
    url: 'https://courier.example/news/bridge',
    text: 'The flood destroyed the old Miller Creek bridge on February 27.\n\nOn Tuesday the Riverton council voted to rebuild the Miller Creek bridge.\n\nTraffic over Miller Creek has doubled since the old mill closed in 2009.\n\nIf the Miller Creek bridge stays closed, it would be the worst blow to Riverton since the Miller Creek mill closed in 2011.',
  },
  {
    outlet: 'State Wire',
    title: 'Riverton to rebuild bridge',
    url: 'https://wire.example/2026/03/06/riverton-bridge',
    text: 'Riverton council members approved the rebuilding of the Miller Creek bridge, destroyed in a flood, on March 3.',
  },
];

describe('what happened, in order', async () => {
  let store: Store;

  beforeAll(async () => {
    store = await storeOf('timeline', ARTICLES);
  });
  afterAll(() => store.close());

  it('dates an undated article by its address', async () => {
    const report = await checkClaim('What happened to the Miller Creek bridge?', {
      store,
      asOf: '2026-04-01',
    });
    expect(report.sources.find((source) => source.outlet === 'State Wire')?.published).toBe('2026-03-06');
  });

  it('orders events by when they happened, each once with every outlet that states it', async () => {
    const report = await checkClaim('What happened to the Miller Creek bridge?', {
      store,
      asOf: '2026-04-01',
    });
    await expectCitationIntegrity(report, store);
    expectValidReport(report);
    const section = report.sections.find((candidate) =>
      candidate.title.startsWith('What happened, in order'),
    );
    expect(section, JSON.stringify(report.sections.map((candidate) => candidate.title))).toBeDefined();
    const lines = section!.sentences.map((sentence) => sentence.text);
    const at = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line));
    expect(at(/^February 27, 2026: .*destroyed the old/)).toBeGreaterThanOrEqual(0);
    expect(at(/^March 3, 2026: .*(voted|approved)/)).toBeGreaterThan(at(/^February 27, 2026/));
    const vote = section!.sentences[at(/^March 3, 2026: .*(voted|approved)/)]!;
    expect(vote.text).toMatch(/\(and [12] more outlets?\)/);
    expect(vote.citations.length).toBeGreaterThanOrEqual(2);
    // A sentence under a condition states no event, whatever past verb its clauses hold.
    expect(at(/^2011/)).toBe(-1);
    // Nor does a date in a "since …" clause date the sentence's act.
    expect(at(/^2009/)).toBe(-1);
  });
});

describe('the question’s own words', () => {
  it('never reports "happened" as a part of the question the sources do not cover', async () => {
    const store = await storeOf('happened', ARTICLES);
    const report = await checkClaim('What happened to the Miller Creek bridge?', {
      store,
      asOf: '2026-04-01',
    });
    const text = JSON.stringify(report.sections) + JSON.stringify(report.bottomLine);
    expect(text).not.toMatch(/“happened”/);
    await store.close();
  });
});

describe('what most outlets report', () => {
  it('states each fact several outlets give once, with how many outlets and origins, most first', async () => {
    const store = await storeOf('key-facts', ARTICLES);
    const report = await checkClaim('Did the Riverton council vote to rebuild the Miller Creek bridge?', {
      store,
      asOf: '2026-04-01',
    });
    await expectCitationIntegrity(report, store);
    const section = report.sections.find((candidate) =>
      candidate.title.startsWith('What most outlets report'),
    );
    expect(section, JSON.stringify(report.sections.map((candidate) => candidate.title))).toBeDefined();
    const first = section!.sentences[0]!;
    expect(first.text).toMatch(/^[23] outlets \([123] independent origins?\) state: /);
    expect(first.citations.length).toBeGreaterThanOrEqual(2);
    await store.close();
  });
});
