import { llmNote } from './llm-note.js';
import { openingWords } from '../compose/describe-source.js';
import { describeAttribution } from '../assess/attribute-sentence.js';
import { ARTICLE_STANCE_PHRASES } from '../assess/article-stance.js';
import type { CitedSentence, Report, ReportSource } from '../types.js';
import { spellingNote } from './render-markdown.js';
import { escapeHtml, safeUrl } from './escape-html.js';

function cited(sentence: CitedSentence): string {
  const marks = sentence.citations
    .map((n) => `<a class="cite" href="#source-${n}" data-source="${n}" aria-label="source ${n}">[${n}]</a>`)
    .join(' ');
  return `${escapeHtml(sentence.text)} ${marks}`.trim();
}

function longDate(isoDay: string): string {
  return new Date(`${isoDay.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

/** Who says each cited sentence of a passage, as a short list under it. */
function saidBy(passage: ReportSource['passages'][number]): string {
  const items = (passage.sentences ?? []).map(
    (sentence) =>
      `<li title="${escapeHtml(sentence.text)}">${escapeHtml(openingWords(sentence.text))}: ${escapeHtml(describeAttribution(sentence.attribution))}</li>`,
  );
  return items.length
    ? `<ul class="said-by" aria-label="who says each cited sentence">${items.join('')}</ul>`
    : '';
}

function source(item: ReportSource): string {
  const url = safeUrl(item.url);
  const title = escapeHtml(item.title ?? `article ${item.articleId}`);
  const meta = [item.outlet, item.author, item.published?.slice(0, 10)]
    .filter(Boolean)
    .map((part) => escapeHtml(part!));
  const passages = item.passages
    .map(
      (passage) =>
        `<blockquote id="passage-${escapeHtml(passage.id)}"><p>${escapeHtml(passage.text)}</p><footer>passage <code>${escapeHtml(passage.id)}</code>${saidBy(passage)}</footer></blockquote>`,
    )
    .join('');
  const role = item.role === 'repeats' ? `repeats ${escapeHtml(item.repeats ?? '')}` : escapeHtml(item.role);
  const stance = item.stance
    ? ` <span class="stance">as a whole, ${ARTICLE_STANCE_PHRASES[item.stance.label]} (${Math.round(item.stance.probability * 100)}%)</span>`
    : '';
  return `<li id="source-${item.n}"><p><span class="role">${role}</span> ${url ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${title}</a>` : title}${meta.length ? ` — ${meta.join(' · ')}` : ''}${stance}</p>${passages}</li>`;
}

const STYLE = `body{font:16px/1.55 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.2rem;margin-top:2rem}.meta{color:#555}
.verdict{border-left:6px solid #555;padding:.5rem 1rem;background:#f5f5f5}.verdict[data-label=supported]{border-color:#1b7f3b}
.verdict[data-label=contradicted]{border-color:#b00020}.verdict[data-label=answered]{border-color:#1b5e9f}.answer{font-size:1.1rem}.verdict[data-label=disputed],.verdict[data-label=reported]{border-color:#c77700}
a.cite{text-decoration:none;font-size:.85em}blockquote{margin:.5rem 0 .5rem 1rem;color:#333;border-left:3px solid #ddd;padding-left:.75rem}
.said-by{font:.85em sans-serif;color:#555;margin:.25rem 0 0;padding-left:1.2rem}
.role{font:.75em sans-serif;text-transform:uppercase;background:#eee;padding:0 .3em;margin-right:.4em}.stance{font:.8em sans-serif;color:#555}.outdated{background:#fff3cd;padding:.5rem}
@media print{a.cite{color:inherit}body{margin:0}}`;

export interface ArticleOptions {
  /** Turns a follow-up question into a link (the web page links them to new checks). Default: plain text. */
  followUpHref?: (question: string) => string;
}

/** The report as an accessible <article>, every piece of text escaped; shared by the file export and the web page. */
export function renderReportArticle(report: Report, options: ArticleOptions = {}): string {
  const { verdict, corpus } = report;
  const sections = report.sections
    .map(
      (section, index) =>
        `<section><h2>${index + 1}. ${escapeHtml(section.title)}</h2><p>${section.sentences.map(cited).join(' ')}</p></section>`,
    )
    .join('\n');
  const followUps = report.followUps
    .map((question) => {
      const href = options.followUpHref?.(question);
      return `<li>${href ? `<a class="follow-up" href="${escapeHtml(href)}">${escapeHtml(question)}</a>` : escapeHtml(question)}</li>`;
    })
    .join('');
  const origins = report.provenance.origins;
  return `<article class="report">
<h1>${escapeHtml(report.question)}</h1>
<p><strong>${report.kind === 'question' ? 'Question' : 'Claim tested'}:</strong> ${escapeHtml(report.claim + spellingNote(report))}</p>
<p class="meta">${
    corpus.publishedByAsOf !== undefined
      ? `Checked as of <time datetime="${escapeHtml(report.checkedAt)}">${escapeHtml(longDate(report.checkedAt))}</time>, against the ${corpus.publishedByAsOf.toLocaleString('en-US')} articles published by then of the ${corpus.articles.toLocaleString('en-US')} stored.`
      : `Checked on <time datetime="${escapeHtml(report.checkedAt)}">${escapeHtml(longDate(report.checkedAt))}</time> against ${corpus.articles.toLocaleString('en-US')} articles.`
  }</p>
<p class="meta"><small>Disclaimer: ${escapeHtml(report.disclaimer)} <a href="${escapeHtml(safeUrl(report.methodUrl) ?? '#')}">How Verity checks</a></small></p>
${report.status?.outdated ? `<p class="outdated" role="status"><strong>${escapeHtml(report.status.note)}</strong></p>` : ''}
<section class="verdict" data-label="${escapeHtml(verdict.label)}" aria-label="${report.kind === 'question' ? 'Answer' : 'Verdict'}"><h2><span class="badge">${escapeHtml(verdict.title)}</span> <small>confidence ${Math.round(verdict.confidence * 100)}%</small></h2>
${report.answer ? `<p class="answer">${cited(report.answer)}</p>` : ''}<ul>${verdict.reasons.map((reason) => `<li>${escapeHtml(reason)}</li>`).join('')}</ul></section>
<section><h2>Executive summary</h2><p>${report.summary.map(cited).join(' ')}</p></section>
${sections}
<section><h2>${report.sections.length + 1}. Bottom line</h2><p>${report.bottomLine.map(cited).join(' ')}</p></section>
<section class="dive"><h2>Want to dive deeper?</h2><ul>${followUps}</ul></section>
<section class="sources"><h2>Sources</h2><p>${report.provenance.sources} sources, ${origins.length} independent origin${origins.length === 1 ? '' : 's'}${origins.length ? `: ${escapeHtml(origins.join(', '))}` : ''}.</p><ol>${report.sources.map(source).join('\n')}</ol></section>
${llmSection(report)}</article>`;
}

/** The language model's part in the check, when one took part (render/llm-note.ts); all text escaped. */
function llmSection(report: Report): string {
  const note = llmNote(report);
  return note.length > 0
    ? `<section class="llm"><h2>Language model</h2><ul>${note.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul></section>\n`
    : '';
}

export const REPORT_STYLE = STYLE;

/** Standalone, accessible, printable HTML, rendered only from the report model; all text is escaped. */
export function renderHtml(report: Report): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.question)} — Verity</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${renderReportArticle(report)}
</main>
</body>
</html>
`;
}
