/**
 * `npm run eval:reports`: report quality on multi-outlet news stories (the dev acceptance set,
 * scripts/lib/report-stories.ts and eval/report-rubric.json). All stories go into one SQLite
 * corpus (so each story's check also meets the other stories), each rubric question is checked,
 * and the report is scored: key points met, verdict or answer right, origin right, stored
 * sentences quoted twice, whether its core reporting is a source the rubric counts as low quality,
 * length. Beside it, in the same run, the baseline: a "report" of the top
 * five BM25 passages (no verdict: it counts as "unsettled"; its answer is its first sentence).
 * Every report is written to .verity/eval/reports/ to be read, not only scored.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyzeClaim } from '../src/assess/analyze-claim.js';
import { checkClaim } from '../src/check-claim.js';
import { packageRoot, sharedDir } from '../src/config.js';
import { ingestSources } from '../src/ingest/ingest-sources.js';
import { renderMarkdown } from '../src/render/render-markdown.js';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { splitSentences } from '../src/analyze/split-sentences.js';
import { isLowQuality, readLowQuality, readRubric, storyArticles } from './lib/report-stories.js';
import { scoreReport, scoreText, type ReportScore } from './lib/score-report.js';
import { table } from './lib/stats.js';

const rubric = readRubric();
const lowQuality = readLowQuality();
const articles = storyArticles(sharedDir(), rubric);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-reports-'));
const file = path.join(dir, 'stories.jsonl');
fs.writeFileSync(
  file,
  [...articles.values()]
    .flat()
    .map((article) => JSON.stringify(article))
    .join('\n') + '\n',
);
const store = createSqliteStore({ path: path.join(dir, 'verity.db') });
const seeds = rubric.flatMap((story) => (story.seed ? [path.join(sharedDir(), 'seeds', story.seed)] : []));
const ingested = await ingestSources([file, ...seeds], { store, maxFileBytes: 50e6 });
const outDir = path.join(packageRoot(), '.verity', 'eval', 'reports');
fs.mkdirSync(outDir, { recursive: true });
console.log(
  `# Report quality: ${rubric.length} checks on ${new Set(rubric.map((story) => story.claimId)).size} multi-outlet stories — ${new Date().toISOString().slice(0, 10)}\n\n${ingested.added} articles in one corpus (${[...new Set(rubric.map((story) => story.claimId))].map((id) => articles.get(id)?.length ?? 1).join(', ')} per story).\n`,
);

const rows: Array<Array<string | number>> = [];
const totals = {
  verity: [] as ReportScore[],
  baseline: [] as Array<Omit<ReportScore, 'repeatedQuotes' | 'lowQualityCore'> & { lowQualityCore: boolean }>,
};
for (const [index, story] of rubric.entries()) {
  const report = await checkClaim(story.question, { store, asOf: '2100-01-01' });
  fs.writeFileSync(path.join(outDir, `${index + 1}.md`), renderMarkdown(report));
  const verity = scoreReport(story, report, lowQuality);
  const claim = analyzeClaim(story.question);
  const top = await store.searchPassages({ terms: claim.terms, limit: 5 });
  const baselineText = top.flatMap((hit) => splitSentences(hit.passage.text));
  const baseline = scoreText(story, baselineText, 'unsettled', baselineText[0] ?? null, [
    ...new Set(top.map((hit) => hit.article.outlet ?? '')),
  ]);
  totals.verity.push(verity);
  // The baseline's core is its top passage.
  totals.baseline.push({
    ...baseline,
    lowQualityCore: isLowQuality(lowQuality, top[0]?.article.url ?? top[0]?.article.outlet ?? null),
  });
  const outlets = new Set((articles.get(story.claimId) ?? []).flatMap((article) => article.outlet ?? []))
    .size;
  rows.push([
    `${index + 1}. ${story.question}`,
    story.kind,
    story.seed ? '1 / 1 (seed)' : `${(articles.get(story.claimId) ?? []).length} / ${outlets}`,
    `${report.verdict.label}${report.answer ? `: ${report.answer.text.slice(0, 60)}…` : ''}`,
    verity.right ? 'yes' : 'no',
    `${verity.pointsMet} / ${verity.points}`,
    `${baseline.pointsMet} / ${baseline.points}`,
    verity.originRight === null ? '–' : verity.originRight ? 'yes' : 'no',
    `${report.provenance.sources} / ${report.provenance.origins.length}`,
    verity.repeatedQuotes,
    verity.lowQualityCore ? 'yes' : 'no',
    verity.words,
  ]);
}
console.log(
  table(
    [
      'story (question)',
      'kind',
      'articles / outlets',
      'Verity says',
      'right',
      'key points, Verity',
      'key points, top-5 BM25',
      'origin right',
      'sources / origins in report',
      'repeated quotes',
      'low-quality core',
      'words',
    ],
    rows,
  ),
);
const sum = (list: Array<{ pointsMet: number; points: number }>) =>
  `${list.reduce((total, item) => total + item.pointsMet, 0)} / ${list.reduce((total, item) => total + item.points, 0)}`;
const right = (list: Array<{ right: boolean }>) =>
  `${list.filter((item) => item.right).length} / ${list.length}`;
console.log(
  `\n${table(
    [
      'reader',
      'key points met',
      'right verdict or answer',
      'origins right',
      'repeated quotes',
      'low-quality source as core',
    ],
    [
      [
        'Verity',
        sum(totals.verity),
        right(totals.verity),
        `${totals.verity.filter((item) => item.originRight === true).length} / ${totals.verity.filter((item) => item.originRight !== null).length}`,
        totals.verity.reduce((total, item) => total + item.repeatedQuotes, 0),
        `${totals.verity.filter((item) => item.lowQualityCore).length} / ${totals.verity.length}`,
      ],
      [
        'baseline: top five BM25 passages',
        sum(totals.baseline),
        right(totals.baseline),
        `${totals.baseline.filter((item) => item.originRight === true).length} / ${totals.baseline.filter((item) => item.originRight !== null).length}`,
        '–',
        `${totals.baseline.filter((item) => item.lowQualityCore).length} / ${totals.baseline.length}`,
      ],
    ],
  )}`,
);
console.log('\nMissed key points (Verity):');
totals.verity.forEach((score, index) => {
  if (score.missed.length) console.log(`- ${index + 1}: ${score.missed.join('; ')}`);
});
console.log(`\nReports: ${path.relative(process.cwd(), outDir)}/1.md … ${rubric.length}.md`);
await store.close();
fs.rmSync(dir, { recursive: true, force: true });
