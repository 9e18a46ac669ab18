/**
 * `npm run bench:llm`: what the language-model path costs per check, on the sample corpus, beside
 * the default check of the same questions in the same run: a scripted model (Verity's own cost:
 * prompts, JSON, verification), the tiny real GGUF model through node-llama-cpp (../shared/models,
 * one thread), and that model again from the prompt cache. Text from the tiny model is nonsense:
 * the point is the cost and that every report stays fully cited, not its prose.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkClaim } from '../src/check-claim.js';
import { packageRoot, sharedDir } from '../src/config.js';
import { ingestSources } from '../src/ingest/ingest-sources.js';
import { cacheLanguageModel } from '../src/llm/cache-language-model.js';
import { fakeLanguageModel } from '../src/llm/fake-language-model.js';
import type { CompletionRequest, LanguageModel } from '../src/llm/language-model.js';
import { llamaCppModel } from '../src/llm/llama-cpp-model.js';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Report } from '../src/types.js';
import { buildSampleCorpus } from './lib/sample-corpus.js';
import { median, percentile, table } from './lib/stats.js';

const QUESTIONS = 8;
const ROLES = ['writer', 'judge', 'planner'] as const;
const workDir = path.join(packageRoot(), '.verity', 'bench-llm');
const db = path.join(workDir, 'llm.db');
fs.rmSync(workDir, { recursive: true, force: true });
fs.mkdirSync(workDir, { recursive: true });
const store = createSqliteStore({ path: db });
const corpus = buildSampleCorpus(sharedDir(), path.join(workDir, 'sample'));
await ingestSources(corpus.inputs, { store, maxFileBytes: 20e6 });
const questions = fs
  .readFileSync(path.join(sharedDir(), 'data', 'fnc-1', 'competition_test_stances.csv'), 'utf8')
  .split('\n')
  .slice(1, 2000)
  .map((line) => line.split(',')[0]!.replace(/^"|"$/g, ''))
  .filter((line, index, all) => line.length > 20 && all.indexOf(line) === index)
  .slice(0, QUESTIONS);

/** A scripted model that answers every role in shape: drafts back as written, no stance, the question as its plan. */
function echoModel(): LanguageModel {
  const prompt = (request: CompletionRequest) => request.messages.at(-1)!.content;
  const writer = (request: CompletionRequest) => {
    const text = prompt(request);
    const drafts = (
      JSON.parse(text.slice(text.indexOf('Drafts: ') + 8)) as {
        drafts: Array<{ id: number; text: string; sources: number[] }>;
      }
    ).drafts;
    return JSON.stringify({
      sentences: drafts.map((draft) => ({ id: draft.id, text: draft.text, citations: draft.sources })),
    });
  };
  const judge = (request: CompletionRequest) =>
    JSON.stringify({
      verdict: 'not enough info',
      sentences: [...prompt(request).matchAll(/<source n="(\d+)">/g)].map((block) => ({
        n: Number(block[1]),
        stance: 'neither',
      })),
      reasons: [{ text: 'Nothing here settles it.', sources: [1] }],
    });
  const planner = (request: CompletionRequest) =>
    JSON.stringify({
      queries: [
        prompt(request)
          .replace(/<\/?question>/g, '')
          .split(' ')
          .slice(0, 4)
          .join(' '),
      ],
    });
  return fakeLanguageModel(
    {
      writer: Array(10_000).fill(writer),
      judge: Array(1000).fill(judge),
      planner: Array(1000).fill(planner),
    },
    'echo',
  );
}

interface Row {
  path: string;
  ms: number[];
  reports: Report[];
}

async function run(label: string, model: LanguageModel | null): Promise<Row> {
  const row: Row = { path: label, ms: [], reports: [] };
  for (const question of questions) {
    const started = performance.now();
    const report = await checkClaim(question, {
      store,
      asOf: '2026-01-01',
      llm: model ? { model, roles: ROLES } : undefined,
    });
    row.ms.push(performance.now() - started);
    row.reports.push(report);
  }
  return row;
}

const gguf = path.join(sharedDir(), 'models', 'stories260K-gguf', 'stories260K.gguf');
const tiny = llamaCppModel({ modelPath: gguf, threads: 1 });
const cacheDir = path.join(workDir, 'cache');
// A first pass warms the caches (models, lexicon, statements) so that no path pays for them.
await run('warm-up', null);
const rows = [
  await run('baseline: default check, no model', null),
  await run("scripted model (Verity's own cost: prompts, JSON, verification)", echoModel()),
  await run('stories260K.gguf via node-llama-cpp, 1 thread', cacheLanguageModel(tiny, cacheDir)),
  await run('stories260K.gguf again, from the prompt cache', cacheLanguageModel(tiny, cacheDir)),
];
await tiny.dispose();
const base = median(rows[0]!.ms);
const perCheck = (row: Row, pick: (report: Report) => number) =>
  (row.reports.reduce((sum, report) => sum + pick(report), 0) / row.reports.length).toFixed(1);
const usage = (report: Report, field: 'calls' | 'promptTokens' | 'completionTokens' | 'cacheHits') =>
  report.llm ? ROLES.reduce((sum, role) => sum + report.llm!.usage[role][field], 0) : 0;
console.log(
  `# Verity bench:llm — ${new Date().toISOString().slice(0, 10)}, ${questions.length} checks per path, roles ${ROLES.join(', ')}\n`,
);
console.log(
  table(
    [
      'path',
      'checks',
      'p50 ms',
      'p95 ms',
      '× baseline p50',
      'calls / check',
      'cache hits / check',
      'prompt tokens / check',
      'completion tokens / check',
      'sentences rewritten / check',
      'dropped / check',
      'failed calls / check',
      'judge overruled',
    ],
    rows.map((row) => [
      row.path,
      row.ms.length,
      median(row.ms).toFixed(1),
      percentile(row.ms, 95).toFixed(1),
      (median(row.ms) / base).toFixed(1),
      perCheck(row, (report) => usage(report, 'calls')),
      perCheck(row, (report) => usage(report, 'cacheHits')),
      perCheck(row, (report) => usage(report, 'promptTokens')),
      perCheck(row, (report) => usage(report, 'completionTokens')),
      perCheck(row, (report) => report.llm?.written ?? 0),
      perCheck(row, (report) => report.llm?.dropped.length ?? 0),
      perCheck(row, (report) => report.llm?.failures.length ?? 0),
      row.reports.filter((report) => report.llm?.judge && !report.llm.judge.accepted).length,
    ]),
  ),
);
// Every report on every path cites only what it was given: the same sources as the default check.
const same = rows
  .slice(1)
  .every((row) =>
    row.reports.every(
      (report, index) =>
        JSON.stringify(report.sources) === JSON.stringify(rows[0]!.reports[index]!.sources) ||
        report.llm?.plannedQueries?.length,
    ),
  );
console.log(
  `\nSources of every model-written report equal the default report's (or the planner widened the pool): ${same}`,
);
await store.close();
