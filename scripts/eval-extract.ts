/**
 * `npm run eval:extract`: scores Verity's extractor and, as the baseline in the same run, plain
 * Mozilla Readability over the same linkedom DOM, on ../shared/data/readability-test-pages (body
 * token P/R/F1 against expected.html, per-field metadata accuracy) and trafilatura-eval-en
 * (must-appear snippets found, must-not-appear snippets absent, and body P/R/F1 from those counts as
 * trafilatura's benchmark computes it).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { sharedDir } from '../src/config.js';
import { tokenF1, type PrecisionRecall } from '../src/eval/token-f1.js';
import { cleanAuthors } from '../src/extract/clean-authors.js';
import { extractHtml } from '../src/extract/extract-html.js';
import { htmlToText } from '../src/extract/html-to-text.js';
import { parseDate } from '../src/extract/parse-date.js';
import { table } from './lib/stats.js';
import { plainReadability, readabilityParse } from './lib/plain-readability.js';

const shared = sharedDir();
const BASE_URL = 'http://fakehost/test/page.html';

function mean(values: number[]): number {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : Number.NaN;
}

function meanPr(scores: PrecisionRecall[]): string[] {
  return [
    mean(scores.map((s) => s.precision)),
    mean(scores.map((s) => s.recall)),
    mean(scores.map((s) => s.f1)),
  ].map((value) => value.toFixed(3));
}

function normalise(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
}

// ---- readability-test-pages ----
const pagesDir = path.join(shared, 'data', 'readability-test-pages', 'test', 'test-pages');
const verityScores: PrecisionRecall[] = [];
const baselineScores: PrecisionRecall[] = [];
const fields = { title: [0, 0], authors: [0, 0], outlet: [0, 0], published: [0, 0], language: [0, 0] };
const tally = (field: keyof typeof fields, ok: boolean) => {
  fields[field][0]! += ok ? 1 : 0;
  fields[field][1]! += 1;
};
for (const name of fs.readdirSync(pagesDir).sort()) {
  const html = fs.readFileSync(path.join(pagesDir, name, 'source.html'), 'utf8');
  const expected = htmlToText(fs.readFileSync(path.join(pagesDir, name, 'expected.html'), 'utf8'));
  const meta = JSON.parse(fs.readFileSync(path.join(pagesDir, name, 'expected-metadata.json'), 'utf8')) as {
    title?: string;
    byline?: string | null;
    siteName?: string | null;
    publishedTime?: string | null;
    lang?: string;
  };
  const article = extractHtml(html, BASE_URL);
  verityScores.push(tokenF1(article.text, expected));
  baselineScores.push(tokenF1(plainReadability(html), expected));
  if (meta.title) tally('title', normalise(article.title) === normalise(meta.title));
  const expectedAuthors = cleanAuthors(meta.byline ?? null);
  if (expectedAuthors.length)
    tally(
      'authors',
      article.authors.some((author) => expectedAuthors.map(normalise).includes(normalise(author))),
    );
  if (meta.siteName) tally('outlet', normalise(article.outlet) === normalise(meta.siteName));
  if (meta.publishedTime)
    tally('published', parseDate(meta.publishedTime)?.slice(0, 10) === article.published?.slice(0, 10));
  if (meta.lang)
    tally('language', normalise(article.language).slice(0, 2) === normalise(meta.lang).slice(0, 2));
}
console.log(
  `## readability-test-pages (${verityScores.length} pages; expected = Readability's own output)\n`,
);
console.log(
  table(
    ['extractor', 'precision', 'recall', 'F1'],
    [
      ['baseline: plain Readability (linkedom)', ...meanPr(baselineScores)],
      ['Verity', ...meanPr(verityScores)],
    ],
  ),
);
console.log('\nMetadata accuracy (pages whose expected-metadata.json has the field):\n');
console.log(
  table(
    ['field', 'correct', 'pages', 'accuracy'],
    Object.entries(fields).map(([field, [ok, n]]) => [field, ok!, n!, (ok! / n!).toFixed(3)]),
  ),
);

// ---- trafilatura-eval-en ----
const trafDir = path.join(shared, 'data', 'trafilatura-eval-en');
const evaldata = JSON.parse(fs.readFileSync(path.join(trafDir, 'evaldata-en.json'), 'utf8')) as Record<
  string,
  { file: string; with: string[]; without: string[] }
>;
// Metadata against the annotation (title, author, date), for Verity and for Readability's own fields.
const metaScores = {
  verity: { title: [0, 0], author: [0, 0], date: [0, 0] },
  baseline: { title: [0, 0], author: [0, 0], date: [0, 0] },
};
const snippetScores = {
  verity: { found: [0, 0], absent: [0, 0] },
  baseline: { found: [0, 0], absent: [0, 0] },
};
for (const [url, entry] of Object.entries(evaldata)) {
  const file = path.join(trafDir, 'html', `${entry.file}.gz`);
  const gz = fs.existsSync(file) ? file : path.join(trafDir, 'html', entry.file);
  if (!fs.existsSync(gz)) continue;
  const html = zlib.gunzipSync(fs.readFileSync(gz)).toString('utf8');
  const verityArticle = extractHtml(html, url);
  const readability = readabilityParse(html);
  const texts = {
    verity: normalise(verityArticle.text),
    baseline: normalise(readability?.content ? htmlToText(readability.content) : ''),
  };
  const annotated = entry as unknown as { title?: unknown; author?: unknown; date?: unknown };
  const found = {
    verity: {
      title: verityArticle.title,
      author: verityArticle.authors.join('; '),
      date: verityArticle.published,
    },
    baseline: {
      title: readability?.title ?? null,
      author: readability?.byline ?? null,
      date: parseDate(readability?.publishedTime ?? null),
    },
  };
  for (const who of ['verity', 'baseline'] as const) {
    if (typeof annotated.title === 'string' && annotated.title) {
      metaScores[who].title[0]! += normalise(found[who].title) === normalise(annotated.title) ? 1 : 0;
      metaScores[who].title[1]! += 1;
    }
    if (annotated.author) {
      const names = (Array.isArray(annotated.author) ? annotated.author.join(';') : String(annotated.author))
        .split(/;|,| and /)
        .map(normalise)
        .filter(Boolean);
      metaScores[who].author[0]! += names.some((name) => normalise(found[who].author).includes(name)) ? 1 : 0;
      metaScores[who].author[1]! += 1;
    }
    if (typeof annotated.date === 'string' && annotated.date) {
      metaScores[who].date[0]! += found[who].date?.slice(0, 10) === annotated.date.slice(0, 10) ? 1 : 0;
      metaScores[who].date[1]! += 1;
    }
  }
  for (const who of ['verity', 'baseline'] as const) {
    for (const snippet of entry.with) {
      snippetScores[who].found[0]! += texts[who].includes(normalise(snippet)) ? 1 : 0;
      snippetScores[who].found[1]! += 1;
    }
    for (const snippet of entry.without) {
      snippetScores[who].absent[0]! += texts[who].includes(normalise(snippet)) ? 0 : 1;
      snippetScores[who].absent[1]! += 1;
    }
  }
}
const share = ([hit, total]: number[]) => (hit! / total!).toFixed(3);
/**
 * Body P/R/F1 the way trafilatura's own benchmark counts it: a must-appear snippet found is a true
 * positive, one missing a false negative, a must-not-appear snippet present a false positive.
 */
function snippetF1(counts: { found: number[]; absent: number[] }): PrecisionRecall {
  const truePositives = counts.found[0]!;
  const falseNegatives = counts.found[1]! - truePositives;
  const falsePositives = counts.absent[1]! - counts.absent[0]!;
  const precision = truePositives / (truePositives + falsePositives);
  const recall = truePositives / (truePositives + falseNegatives);
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}
console.log(`\n## trafilatura-eval-en (${Object.keys(evaldata).length} pages)\n`);
console.log(
  table(
    ['extractor', 'must-appear found', 'must-not-appear absent', 'precision', 'recall', 'F1'],
    (['baseline', 'verity'] as const).map((who) => {
      const score = snippetF1(snippetScores[who]);
      return [
        who === 'baseline' ? 'baseline: plain Readability (linkedom)' : 'Verity',
        share(snippetScores[who].found),
        share(snippetScores[who].absent),
        score.precision.toFixed(3),
        score.recall.toFixed(3),
        score.f1.toFixed(3),
      ];
    }),
  ),
);
console.log('\nMetadata accuracy against the annotation (pages annotated with the field):\n');
console.log(
  table(
    [
      'extractor',
      ...(['title', 'author', 'date'] as const).map((field) => `${field} (n=${metaScores.verity[field][1]})`),
    ],
    (['baseline', 'verity'] as const).map((who) => [
      who === 'baseline' ? 'baseline: Readability title / byline / publishedTime' : 'Verity',
      ...(['title', 'author', 'date'] as const).map((field) => share(metaScores[who][field])),
    ]),
  ),
);
