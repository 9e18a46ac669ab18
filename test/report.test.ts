import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkClaim } from '../src/check-claim.js';
import { ingestSources } from '../src/ingest/ingest-sources.js';
import { renderMarkdown } from '../src/render/render-markdown.js';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { buildSampleCorpus } from '../scripts/lib/sample-corpus.js';
import { expectCitationIntegrity, reportSentences } from './helpers/citation-integrity.js';
import { expectValidClaimReview, expectValidReport } from './helpers/report-schema.js';
import { renderClaimReview } from '../src/render/render-claimreview.js';
import { HAS_SHARED, SHARED, tempDir } from './helpers/shared.js';

const QUESTIONS = [
  'Did Rubio turn over DOJ MS-13 informants to get access to El Salvadoran prisons?',
  'Did ISIS behead an American journalist?',
  'Is Kim Jong-un ill?',
  'Apple will sell a smartwatch',
  'Did a man in Florida win the lottery twice?',
  'Did Zorblatt Quennington acquire the Frobnitz Corporation?',
];

describe.skipIf(!HAS_SHARED)('reports on the sample corpus', async () => {
  const dir = tempDir('report');
  const db = path.join(dir, 'verity.db');
  let store: Store;

  beforeAll(async () => {
    store = createSqliteStore({ path: db });
    const corpus = buildSampleCorpus(SHARED, path.join(dir, 'sample'));
    const summary = await ingestSources(corpus.inputs, { store, maxFileBytes: 20e6 });
    expect(summary.failed).toBe(0);
    expect(summary.added).toBe(corpus.articleCount);
  });
  afterAll(() => store.close());

  it.each(QUESTIONS)(
    'every sentence of the report on "%s" is cited and every citation resolves',
    async (question) => {
      const report = await checkClaim(question, { store, asOf: '2026-01-01' });
      await expectCitationIntegrity(report, store);
      expectValidReport(report);
      expectValidClaimReview(JSON.parse(renderClaimReview(report)) as Record<string, unknown>);
      for (const key of [
        'question',
        'claim',
        'checkedAt',
        'verdict',
        'summary',
        'sections',
        'followUps',
        'sources',
      ]) {
        expect(report).toHaveProperty(key);
      }
      expect(report.followUps.length).toBeGreaterThanOrEqual(3);
      expect(report.bottomLine.length).toBeGreaterThan(0);
    },
  );

  it('answers the seed question from the wire article and names the Washington Post as origin', async () => {
    const report = await checkClaim(QUESTIONS[0]!, { store, asOf: '2026-01-01' });
    expect(report.claim).toBe(
      'Rubio turned over DOJ MS-13 informants to get access to El Salvadoran prisons.',
    );
    // One origin relaying a promise: "reported, not confirmed" — never supported, false or unsettled.
    expect(report.verdict.label).toBe('reported');
    expect(report.provenance.origins).toEqual(['Washington Post']);
    const titles0 = report.sections.map((section) => section.title);
    expect(titles0).toContain('What the core reporting says: Washington Post’s account');
    // The promise and the one act the article states in its own voice are kept apart.
    const promised = report.sections.find(
      (section) => section.title === 'What was promised, and what was done',
    );
    expect(promised, titles0.join(' | ')).toBeDefined();
    const promiseLines = promised!.sentences.filter((sentence) =>
      sentence.text.startsWith('Promised or planned'),
    );
    const actLines = promised!.sentences.filter((sentence) => sentence.text.startsWith('Reported as done'));
    expect(promiseLines.length).toBeGreaterThan(0);
    expect(promiseLines.every((sentence) => /assur|promis|pledg|would/.test(sentence.text))).toBe(true);
    expect(actLines).toHaveLength(1);
    expect(actLines[0]!.text).toContain('Lopez Larios');
    expect(actLines[0]!.text).toContain('was returned to El Salvador');
    // Consequences and context, and the limits: unnamed sourcing is named as such.
    expect(titles0).toContain('Consequences and context');
    const limits = report.sections.find((section) => section.title.startsWith('Points of disagreement'))!;
    expect(limits.sentences.some((sentence) => sentence.text.includes('sources who are not named'))).toBe(
      true,
    );
    // The article quotes a critic and a defender: both perspectives are shown, each cited.
    const titles = report.sections.map((section) => section.title);
    expect(titles).toContain('Competing perspectives');
    const sides = report.sections.find((section) => section.title === 'Competing perspectives')!.sentences;
    expect(sides.some((sentence) => sentence.text.startsWith('Critical'))).toBe(true);
    expect(sides.some((sentence) => sentence.text.startsWith('In defence'))).toBe(true);
    expect(report.sources[0]!.title).toMatch(/^Rubio agreed to compromise US informants/);
    expect(report.verdict.reasons.join(' ')).toContain('Washington Post');
    // Who says each cited sentence: the Post's account, unnamed officials, the article itself.
    const said = report.sources.flatMap((source) =>
      source.passages.flatMap((passage) => passage.sentences ?? []),
    );
    const saying = (start: string) => said.find((sentence) => sentence.text.startsWith(start))?.attribution;
    expect(saying('Rubio told Bukele')).toMatchObject({ kind: 'outlet', who: 'Washington Post' });
    expect(saying('One of them, Cesar Lopez Larios')).toMatchObject({ kind: 'own-voice', onRecord: true });
    expect(said.some(({ attribution }) => attribution.kind === 'anonymous' && !attribution.onRecord)).toBe(
      true,
    );
  });

  it('says plainly when nothing in the corpus addresses the claim, and does not call it false', async () => {
    const report = await checkClaim(QUESTIONS[5]!, { store, asOf: '2026-01-01' });
    expect(report.verdict.label).toBe('not-found');
    expect(report.summary[0]!.text).toMatch(/^Nothing in the 2,588 articles checked addresses this claim/);
    expect(
      reportSentences(report)
        .map((sentence) => sentence.text)
        .join(' '),
    ).not.toMatch(/\b(is|was) false\b|refuted|debunked/i);
  });

  it('leaves out articles published after --as-of', async () => {
    const report = await checkClaim(QUESTIONS[0]!, { store, asOf: '2025-01-01' });
    expect(report.sources.every((source) => !source.published || source.published < '2025-01-01')).toBe(true);
    expect(report.verdict.label).toBe('not-found');
  });

  it('renders Markdown with the question, the verdict, numbered sections, follow-ups and sources', async () => {
    const markdown = renderMarkdown(await checkClaim(QUESTIONS[1]!, { store, asOf: '2026-01-01' }));
    expect(markdown).toMatch(/^# Did ISIS behead an American journalist\?\n/);
    expect(markdown).toContain('Checked as of January 1, 2026, against the');
    expect(markdown).toMatch(/## Verdict: /);
    expect(markdown).toMatch(/## 1\. What the core reporting says/);
    expect(markdown).toContain('## Want to dive deeper?');
    expect(markdown).toMatch(/## Sources\n\n\d+ sources?, \d+ independent origins?: .+\.\n\n1\. /);
  });

  it('gives the same bytes for two CLI runs with the same --as-of, in Markdown and JSON', () => {
    const cli = path.resolve('dist/src/cli/main.js');
    const run = (format: string) =>
      execFileSync(
        process.execPath,
        [cli, 'check', '--db', db, '--as-of', '2025-11-14', '--format', format, QUESTIONS[0]!],
        {
          encoding: 'utf8',
        },
      );
    for (const format of ['markdown', 'json']) expect(run(format)).toBe(run(format));
    const report = JSON.parse(run('json'));
    expect(report.checkedAt).toBe('2025-11-14');
  });
});
