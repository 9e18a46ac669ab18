import type { Report } from '../types.js';

/** Longest dropped sentence quoted in a rendered note, in characters. */
const QUOTE_CHARS = 160;

/**
 * What a language model did in this check, as plain sentences for the Markdown and HTML reports
 * (none without one): who wrote, how many rewrites were kept, what verification dropped and why,
 * the planner's searches, the judge's reading and whether it stood.
 */
export function llmNote(report: Report): string[] {
  const llm = report.llm;
  if (!llm) return [];
  const lines = [
    `A language model (${llm.kind}: ${llm.model}) took part as ${llm.roles.join(', ')}. Every sentence it wrote was checked against the passages it cites; what failed was dropped and Verity's own sentence stands.`,
  ];
  if (llm.roles.includes('writer'))
    lines.push(
      `${llm.written} report sentence${llm.written === 1 ? ' was' : 's were'} rewritten by the model and verified.`,
    );
  if (llm.plannedQueries?.length)
    lines.push(`Also searched: ${llm.plannedQueries.map((query) => `“${query}”`).join('; ')}.`);
  if (llm.judge) lines.push(llm.judge.reason);
  for (const dropped of llm.dropped) {
    const text = dropped.text.length > QUOTE_CHARS ? `${dropped.text.slice(0, QUOTE_CHARS)}…` : dropped.text;
    lines.push(`Dropped (${dropped.role}): “${text.replace(/\s+/g, ' ')}” — ${dropped.reason}.`);
  }
  for (const failure of llm.failures) lines.push(`Failed (${failure.role}): ${failure.message}`);
  return lines;
}
