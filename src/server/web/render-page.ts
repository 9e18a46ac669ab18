import { escapeHtml } from '../../render/escape-html.js';
import { renderReportArticle } from '../../render/render-html.js';
import type { Report } from '../../types.js';
import { provenanceSvg, timelineSvg } from './diagrams.js';

export interface PageOptions {
  /** "Goal: 1,000 supporters"-style banner text; no banner when null (the default). */
  supporterGoal: string | null;
}

/** The page frame: site header with the question box, optional supporter banner, the content. */
export function renderPage(title: string, content: string, options: PageOptions, question = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/app.js" defer></script>
</head>
<body>
<header class="site">
<a class="brand" href="/">Verity</a>
<form class="ask" method="get" action="/check" role="search">
<label for="q" class="visually-hidden" hidden>Question or claim</label>
<input id="q" name="q" type="search" required minlength="3" maxlength="500" placeholder="Ask a question or state a claim about the news" value="${escapeHtml(question)}">
<button type="submit">Check</button>
</form>
</header>
${options.supporterGoal ? `<aside class="supporters" aria-label="Support">${escapeHtml(options.supporterGoal)}</aside>` : ''}
<main>
${content}
</main>
</body>
</html>
`;
}

export function renderHomePage(options: PageOptions, corpus: { articles: number }): string {
  return renderPage(
    'Verity — fact-checks with every sentence cited',
    `<h1>Check a claim about the news</h1><p>Verity reads the ${corpus.articles.toLocaleString('en-US')} articles in its corpus and writes a balanced report in which every sentence cites the passages it rests on. <a href="/method">How Verity checks</a></p>`,
    options,
  );
}

/** A stored check as a reader's page: the report, its permalink, a timeline and a provenance diagram. */
export function renderReportPage(report: Report, id: string, options: PageOptions): string {
  const article = renderReportArticle(report, {
    followUpHref: (question) => `/check?q=${encodeURIComponent(question)}`,
  });
  const extras = `<p class="permalink">Permalink: <a href="/checks/${escapeHtml(id)}">/checks/${escapeHtml(id)}</a>${report.kind === 'question' ? '' : ` · <a href="/api/checks/${escapeHtml(id)}?format=claimreview">ClaimReview</a>`} · <a href="/api/checks/${escapeHtml(id)}?format=json">JSON</a></p>${timelineSvg(report)}${provenanceSvg(report)}`;
  return renderPage(`${report.question} — Verity`, `${article}\n${extras}`, options, report.question);
}
