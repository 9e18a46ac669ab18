import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSourcePolicy, mostRepeatedParagraph, sourceQuality } from '../src/assess/source-quality.js';
import { outlierFacts } from '../src/assess/outlier-facts.js';
import { checkClaim } from '../src/check-claim.js';
import { ingestSources } from '../src/ingest/ingest-sources.js';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { expectCitationIntegrity } from './helpers/citation-integrity.js';
import { tempDir } from './helpers/shared.js';
import { sentenceOf } from './helpers/evidence-for.js';

const STORY = 'The Riverton council voted on Tuesday to approve the Miller Creek dam after a long debate.';
const SPAM = 'Click here for the latest Riverton dam news and updates from our partners today.';
// Invented pages: a scraped page printed first (so by date it would lead), an outlet the policy
// marks low, and a plain report.
const ARTICLES = [
  {
    outlet: 'dam-news-now.example',
    url: 'https://dam-news-now.example/p/1',
    title: 'Riverton dam news',
    published: '2026-03-03',
    text: [STORY, SPAM, SPAM, SPAM].join('\n\n'),
  },
  {
    outlet: 'Rumour Mill',
    url: 'https://rumourmill.example/dam',
    title: 'Dam approved',
    published: '2026-03-03',
    text: 'The Riverton council voted on Tuesday to approve the Miller Creek dam, insiders say. The vote came after a long night of talks, and several members are said to have changed their minds at the last minute.',
  },
  {
    outlet: 'Riverton Gazette',
    url: 'https://gazette.example/dam',
    title: 'Council approves dam',
    published: '2026-03-04',
    text: 'The Riverton council voted on Tuesday to approve the Miller Creek dam. Seven members voted for it. The mayor said work would start in the spring, once the state has signed off on the environmental review.',
  },
  {
    outlet: 'Quick Posts',
    url: 'https://quickposts.example/1',
    title: 'Dam!',
    published: '2026-03-02',
    text: 'BREAKING: Riverton council voted on Tuesday to approve the Miller Creek dam.',
  },
];

describe('sources weighed', async () => {
  const dir = tempDir('quality');
  let store: Store;
  const policyFile = path.join(dir, 'policy.json');

  beforeAll(async () => {
    const file = path.join(dir, 'dam.jsonl');
    fs.writeFileSync(file, ARTICLES.map((article) => JSON.stringify(article)).join('\n') + '\n');
    fs.writeFileSync(
      policyFile,
      JSON.stringify({
        domains: [{ domain: 'rumourmill.example', tier: 'low', note: 'anonymous gossip site' }],
      }),
    );
    store = createSqliteStore({ path: path.join(dir, 'verity.db') });
    expect((await ingestSources([file], { store, maxFileBytes: 1e6 })).added).toBe(4);
  });
  afterAll(() => store.close());

  it('sees a page that prints the same paragraph again and again', () => {
    expect(mostRepeatedParagraph(ARTICLES[0]!.text)).toBe(3);
    expect(mostRepeatedParagraph(ARTICLES[2]!.text)).toBe(1);
  });

  it('never lets a set-aside source carry the core reporting when a better one is there, and says why', async () => {
    const policy = loadSourcePolicy(policyFile);
    const report = await checkClaim('Did the Riverton council approve the Miller Creek dam?', {
      store,
      asOf: '2026-04-01',
      sourcePolicy: policy,
    });
    await expectCitationIntegrity(report, store);
    const core = report.sections.find((section) => section.title.startsWith('What the core reporting says'))!;
    expect(core.sentences[0]!.text).toMatch(/^Riverton Gazette \(2026-03-04\) reports/);
    const limits = report.sections
      .find((section) => section.title.startsWith('Points of disagreement'))!
      .sentences.map((sentence) => sentence.text);
    expect(limits).toContain(
      'dam-news-now.example (2026-03-03) is not used as core reporting, since the same paragraph is printed 3 times on the page.',
    );
    expect(limits).toContain(
      'Rumour Mill (2026-03-03) is not used as core reporting, since listed as low quality in the source policy (anonymous gossip site).',
    );
    // A one-line post, the earliest of all, is not an article to build on.
    expect(limits).toContain(
      'Quick Posts (2026-03-02) is not used as core reporting, since its page holds only 12 words: a post or a summary, not an article.',
    );
  });

  it('reads a policy entry by address or outlet name, and rejects a bad policy with what to fix', async () => {
    const policy = { domains: [{ domain: 'gazette.example', tier: 'high' as const }] };
    const hit = (await checkClaim('Riverton dam', { store, asOf: '2026-04-01' })).sources[0]!.passages[0]!.id;
    const stored = (await store.getPassage(hit))!.article;
    const at = (url: string | null, outlet: string | null) =>
      sourceQuality({ ...stored, url, outlet }, '', policy).tier;
    expect(at('https://www.gazette.example/x', null)).toBe('high');
    expect(at(null, 'gazette.example')).toBe('high');
    expect(at('https://notgazette.example/x', 'Other')).toBe('standard');
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ domains: [{ domain: 'x.example', tier: 'dubious' }] }));
    expect(() => loadSourcePolicy(bad)).toThrow(/"tier" must be one of high, standard, low, not "dubious"/);
    fs.writeFileSync(bad, '{not json');
    expect(() => loadSourcePolicy(bad)).toThrow(/It must be JSON/);
  });
});

describe('a source that alone states a checkable fact otherwise', () => {
  const item = sentenceOf;

  it('is set aside, with the number it gives and the one every other outlet gives', () => {
    const sentences = [
      item('a', 'Gazette', 'Steven Sotloff, a 31-year-old journalist, was seen in the video.'),
      item('b', 'Courier', 'The video showed the 31-year-old Sotloff.'),
      item('c', 'Wire', 'Sotloff, 31 years old, had been missing since 2013.'),
      item('d', 'Spinner', 'The 41-year-old Sotloff was shown in the video.'),
    ];
    const outliers = outlierFacts(sentences, ['Steven Sotloff']);
    expect([...outliers.keys()]).toEqual(['d']);
    expect(outliers.get('d')).toBe('it gives 41 for “year old” where 3 other outlets give 31');
  });

  it('is not when the others disagree among themselves, or are too few, or speak of someone else', () => {
    const split = [
      item('a', 'Gazette', 'The 31-year-old Sotloff was seen.'),
      item('b', 'Courier', 'The 35-year-old Sotloff was seen.'),
      item('d', 'Spinner', 'The 41-year-old Sotloff was seen.'),
    ];
    expect(outlierFacts(split, ['Sotloff']).size).toBe(0);
    expect(outlierFacts(split.slice(1), ['Sotloff']).size).toBe(0);
    const other = [
      item('a', 'Gazette', 'The 31-year-old Sotloff was seen.'),
      item('b', 'Courier', 'The 31-year-old Sotloff was seen.'),
      item('d', 'Spinner', 'The 40-year-old Foley was seen.'),
    ];
    expect(outlierFacts(other, ['Sotloff']).size).toBe(0);
  });
});
