/**
 * Scores a report against a story's rubric (eval/report-rubric.json): the key points it makes, the
 * verdict or answer, the origin, and stored sentences it quotes more than once.
 */
import type { Report } from '../../src/types.js';
import { isLowQuality, type LowQualityRubric, type StoryRubric } from './report-stories.js';

export interface ReportScore {
  pointsMet: number;
  points: number;
  /** The verdict (claim) or the answer (question) is right. */
  right: boolean;
  /** null when the rubric names no origin. */
  originRight: boolean | null;
  repeatedQuotes: number;
  /** The report's core reporting comes from a source the rubric counts as low quality. */
  lowQualityCore: boolean;
  words: number;
  missed: string[];
}

/** The report's own text (summary, answer, sections, bottom line), not its source list. */
export function reportText(report: Report): string[] {
  return [
    ...(report.answer ? [report.answer.text] : []),
    ...report.summary.map((sentence) => sentence.text),
    ...report.sections.flatMap((section) => section.sentences.map((sentence) => sentence.text)),
    ...report.bottomLine.map((sentence) => sentence.text),
  ];
}

export function scoreText(
  rubric: StoryRubric,
  sentences: string[],
  verdict: string,
  answer: string | null,
  origins: string[],
): Omit<ReportScore, 'repeatedQuotes' | 'lowQualityCore'> {
  const holds = (pattern: string) => sentences.some((sentence) => new RegExp(pattern, 'i').test(sentence));
  const missed = rubric.points.filter((point) => !holds(point.pattern)).map((point) => point.point);
  const right =
    rubric.kind === 'question'
      ? answer !== null && new RegExp(rubric.answer ?? '$^', 'i').test(answer)
      : (rubric.verdicts ?? []).includes(verdict);
  return {
    pointsMet: rubric.points.length - missed.length,
    points: rubric.points.length,
    right,
    originRight: rubric.origin
      ? origins.some((origin) => origin.toLowerCase().includes(rubric.origin!.toLowerCase()))
      : null,
    words: sentences.join(' ').split(/\s+/).filter(Boolean).length,
    missed,
  };
}

/** The source of the report's first section (the core reporting, or the answer's first citation). */
export function coreSource(report: Report): Report['sources'][number] | null {
  const first = report.sections[0]?.sentences[0]?.citations[0];
  return report.sources.find((source) => source.n === first) ?? null;
}

export function scoreReport(
  rubric: StoryRubric,
  report: Report,
  lowQuality: LowQualityRubric = { rule: '', outlets: [] },
): ReportScore {
  const core = coreSource(report);
  const quotes = [
    ...report.summary,
    ...report.sections.flatMap((section) => section.sentences),
    ...report.bottomLine,
  ].flatMap((sentence) => sentence.quotes ?? []);
  return {
    ...scoreText(
      rubric,
      reportText(report),
      report.verdict.label,
      report.answer?.text ?? null,
      report.provenance.origins,
    ),
    repeatedQuotes: quotes.length - new Set(quotes).size,
    lowQualityCore:
      isLowQuality(lowQuality, core?.url ?? null) || isLowQuality(lowQuality, core?.outlet ?? null),
  };
}
