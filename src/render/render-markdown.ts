import { llmNote } from './llm-note.js';
import { openingWords } from '../compose/describe-source.js';
import { describeAttribution } from '../assess/attribute-sentence.js';
import { ARTICLE_STANCE_PHRASES } from '../assess/article-stance.js';
import type { CitedSentence, Report, ReportSource } from '../types.js';

function cited(sentence: CitedSentence): string {
  return `${sentence.text} ${sentence.citations.map((n) => `[${n}]`).join(' ')}`.trim();
}

function paragraph(sentences: CitedSentence[]): string {
  return sentences.map(cited).join(' ');
}

function longDate(isoDay: string): string {
  const date = new Date(`${isoDay.slice(0, 10)}T00:00:00Z`);
  return date.toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

function sourceLine(source: ReportSource): string {
  const parts = [
    source.outlet,
    source.title ? `“${source.title}”` : null,
    source.author,
    source.published ? source.published.slice(0, 10) : null,
    source.url,
  ].filter(Boolean);
  const role = source.role === 'repeats' ? `repeats ${source.repeats}` : source.role;
  const stance = source.stance
    ? ` · as a whole, ${ARTICLE_STANCE_PHRASES[source.stance.label]} (${Math.round(source.stance.probability * 100)}%)`
    : '';
  const passages = source.passages.map((passage) =>
    [
      `   > ${passage.text}`,
      `   > — passage \`${passage.id}\``,
      ...(passage.sentences ?? []).map(
        (sentence) =>
          `   > - who says ${openingWords(sentence.text)}: ${describeAttribution(sentence.attribution)}`,
      ),
      // An empty quoted line ends the list, so that the next passage is a paragraph of its own.
      ...(passage.sentences?.length ? ['   >'] : []),
    ].join('\n'),
  );
  return [
    `${source.n}. ${parts.join(' · ') || `article ${source.articleId}`} — *${role}*${stance}`,
    ...passages,
  ].join('\n');
}

/** Markdown, rendered only from the report model; the shape follows the seed fact-check. */
/** " (read “Ruboi” as “Rubio”)" when a typo was read as a stored word. */
export function spellingNote(report: Report): string {
  return report.spelling?.length
    ? ` (read ${report.spelling.map(({ from, to }) => `“${from}” as “${to}”`).join(', ')}: no stored passage has the word as typed)`
    : '';
}

/** The date line: as of an earlier day than the latest ingest, it names the articles published by then. */
export function checkedLine(report: Report): string {
  const { corpus } = report;
  const count = (value: number) => value.toLocaleString('en-US');
  if (corpus.publishedByAsOf !== undefined)
    return `Checked as of ${longDate(report.checkedAt)}, against the ${count(corpus.publishedByAsOf)} articles published by then (undated ones included) of the ${count(corpus.articles)} stored.`;
  return `Checked on ${longDate(report.checkedAt)} against ${count(corpus.articles)} articles (${count(corpus.passages)} passages${corpus.lastIngestAt ? `, last ingest ${corpus.lastIngestAt.slice(0, 10)}` : ''}).`;
}

export function renderMarkdown(report: Report): string {
  const { verdict } = report;
  const lines = [
    `# ${report.question}`,
    '',
    `**${report.kind === 'question' ? 'Question' : 'Claim tested'}:** ${report.claim}${spellingNote(report)}`,
    '',
    checkedLine(report),
    '',
    `> Disclaimer: ${report.disclaimer} [How Verity checks](${report.methodUrl})`,
    '',
    ...(report.status?.outdated ? [`> **${report.status.note}**`, ''] : []),
    `## ${report.kind === 'question' ? 'Answer' : 'Verdict'}: ${verdict.title} — confidence ${Math.round(verdict.confidence * 100)}%`,
    '',
    ...(report.answer ? [`**${cited(report.answer)}**`, ''] : []),
    ...verdict.reasons.map((reason) =>
      `- ${reason} ${verdict.citations.map((n) => `[${n}]`).join(' ')}`.trimEnd(),
    ),
    '',
    '## Executive summary',
    '',
    paragraph(report.summary),
    '',
  ];
  report.sections.forEach((section, index) => {
    lines.push(`## ${index + 1}. ${section.title}`, '', paragraph(section.sentences), '');
  });
  lines.push(`## ${report.sections.length + 1}. Bottom line`, '', paragraph(report.bottomLine), '');
  lines.push('## Want to dive deeper?', '');
  for (const question of report.followUps)
    lines.push(`- ${question} — \`verity check ${JSON.stringify(question)}\``);
  const { provenance } = report;
  lines.push('', '## Sources', '');
  if (provenance.sources > 0) {
    lines.push(
      `${provenance.sources} source${provenance.sources === 1 ? '' : 's'}, ${provenance.origins.length} independent origin${provenance.origins.length === 1 ? '' : 's'}: ${provenance.origins.join(', ')}.`,
      '',
    );
  }
  for (const source of report.sources) lines.push(sourceLine(source), '');
  const note = llmNote(report);
  if (note.length > 0) lines.push('## Language model', '', ...note.map((line) => `- ${line}`), '');
  return `${lines.join('\n').trimEnd()}\n`;
}
