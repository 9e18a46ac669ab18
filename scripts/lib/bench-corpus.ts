import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { readFncBodies } from './sample-corpus.js';

/**
 * A corpus of over 10,000 real articles from ../shared for benchmarks: FNC-1 news bodies, SciFact
 * abstracts, Climate-FEVER's Wikipedia sentences grouped by article, PolitiHop ruling articles, and
 * the real news HTML pages of the readability and trafilatura test sets. Written under `outDir`.
 */
export function buildBenchCorpus(
  shared: string,
  outDir: string,
): { inputs: string[]; articles: number; questions: string[] } {
  fs.mkdirSync(outDir, { recursive: true });
  const records = readBenchRecords(shared);
  const jsonl = path.join(outDir, 'bench-corpus.jsonl');
  fs.writeFileSync(jsonl, records.map((record) => JSON.stringify(record)).join('\n') + '\n');

  const htmlDir = path.join(outDir, 'html');
  fs.mkdirSync(htmlDir, { recursive: true });
  const pagesDir = path.join(shared, 'data', 'readability-test-pages', 'test', 'test-pages');
  let pages = 0;
  for (const name of fs.readdirSync(pagesDir)) {
    fs.copyFileSync(path.join(pagesDir, name, 'source.html'), path.join(htmlDir, `readability-${name}.html`));
    pages++;
  }
  const trafilatura = path.join(shared, 'data', 'trafilatura-eval-en', 'html');
  for (const name of fs.readdirSync(trafilatura)) {
    const html = zlib.gunzipSync(fs.readFileSync(path.join(trafilatura, name)));
    fs.writeFileSync(path.join(htmlDir, `trafilatura-${name.replace(/\.gz$/, '')}`), html);
    pages++;
  }
  return { inputs: [jsonl, htmlDir], articles: records.length + pages, questions: benchQuestions(shared) };
}

/** The bench corpus's text records: FNC-1 bodies, SciFact abstracts, Climate-FEVER articles, PolitiHop rulings. */
export function readBenchRecords(shared: string): Array<{ id: string; title: string; text: string }> {
  const records: Array<{ id: string; title: string; text: string }> = readFncBodies(shared);

  for (const part of ['corpus.part1.jsonl', 'corpus.part2.jsonl', 'corpus.part3.jsonl']) {
    for (const line of fs.readFileSync(path.join(shared, 'data', 'scifact', part), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const doc = JSON.parse(line) as { doc_id: number; title: string; abstract: string[] };
      records.push({ id: `scifact:${doc.doc_id}`, title: doc.title, text: doc.abstract.join(' ') });
    }
  }

  const byArticle = new Map<string, string[]>();
  for (const line of fs
    .readFileSync(path.join(shared, 'data', 'climate-fever', 'climate-fever.jsonl'), 'utf8')
    .split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { evidences: Array<{ article: string; evidence: string }> };
    for (const evidence of row.evidences) {
      const sentences = byArticle.get(evidence.article) ?? [];
      if (!sentences.includes(evidence.evidence)) sentences.push(evidence.evidence);
      byArticle.set(evidence.article, sentences);
    }
  }
  for (const [title, sentences] of byArticle)
    records.push({ id: `climate-fever:${title}`, title, text: sentences.join('\n\n') });

  for (const split of ['politihop_train.tsv', 'politihop_valid.tsv']) {
    const rows = parse(fs.readFileSync(path.join(shared, 'data', 'politihop', split), 'utf8'), {
      columns: true,
      delimiter: '\t',
      relax_quotes: true,
    }) as Array<{ article_id: string; statement: string; ruling: string }>;
    for (const row of rows) {
      records.push({
        id: `politihop:${row.article_id}`,
        title: row.statement,
        text: (JSON.parse(row.ruling) as string[]).join(' '),
      });
    }
  }

  return records;
}

/** A fixed, spread-out question set: every 9th FNC-1 test headline and every 15th Climate-FEVER claim. */
export function benchQuestions(shared: string): string[] {
  const climateClaims = fs
    .readFileSync(path.join(shared, 'data', 'climate-fever', 'climate-fever.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { claim: string }).claim);
  const stances = parse(
    fs.readFileSync(path.join(shared, 'data', 'fnc-1', 'competition_test_stances.csv'), 'utf8'),
    {
      columns: true,
    },
  ) as Array<{ Headline: string }>;
  const headlines = [...new Set(stances.map((row) => row.Headline))];
  // Every 9th headline and every 15th climate claim: a fixed, spread-out question set.
  const questions = [
    ...headlines.filter((_, index) => index % 9 === 0),
    ...climateClaims.filter((_, index) => index % 15 === 0),
  ];
  return questions;
}
