import type { LearnedModels } from '../assess/learned-models.js';
import type { CitedSentence, Report } from '../types.js';
import { completeJson } from './complete-json.js';
import { type LanguageModel, LanguageModelError } from './language-model.js';
import type { LlmNotes } from './llm-notes.js';
import { escapeSourceText, quoteSource, SOURCES_ARE_DATA } from './quote-sources.js';
import { MAX_SENTENCE_CHARS, verifySentence } from './verify-sentence.js';

/** Report sentences sent to the writer in one call: small prompts fit small models and keep each rewrite close to its sources. Default 4. */
export const WRITER_BATCH = 4;

/** One rewrite per draft, each naming one of the drafts' ids (a grammar makes even a small local model answer every one). */
const writerSchema = (ids: number[], maxLength: number) => ({
  name: 'rewritten_sentences',
  schema: {
    type: 'object',
    properties: {
      sentences: {
        type: 'array',
        minItems: ids.length,
        maxItems: ids.length,
        items: {
          type: 'object',
          properties: {
            id: { type: 'integer', enum: ids },
            text: { type: 'string', maxLength },
            citations: { type: 'array', items: { type: 'integer' } },
          },
          required: ['id', 'text', 'citations'],
        },
      },
    },
    required: ['sentences'],
  },
});

const WRITER_SYSTEM = [
  'You are the writer of a fact-check report. Each draft sentence below is correct but stiff.',
  'Rewrite each one as a single clear, fluent sentence that says only what its sources say:',
  'keep every number, name and date exactly as the sources give them, add nothing they do not hold,',
  'and cite only the source numbers listed for that draft.',
  SOURCES_ARE_DATA,
  'Answer with JSON: {"sentences": [{"id": <draft id>, "text": "<sentence>", "citations": [<n>, …]}]}.',
].join(' ');

interface Draft {
  id: number;
  sentence: CitedSentence;
  replace: (sentence: CitedSentence) => void;
}

/** Every cited sentence of the report body, with a way to put its rewrite in its place. */
function draftsOf(report: Report): Draft[] {
  const drafts: Draft[] = [];
  const add = (list: CitedSentence[]) =>
    list.forEach((sentence, index) => {
      if (sentence.citations.length > 0)
        drafts.push({ id: drafts.length + 1, sentence, replace: (next) => (list[index] = next) });
    });
  add(report.summary);
  report.sections.forEach((section) => add(section.sentences));
  add(report.bottomLine);
  return drafts;
}

/**
 * The writer role: turns the composed report's cited sentences into fluent ones, a few at a
 * time, each given only its own sources. A rewrite replaces its draft only when `verifySentence`
 * passes it; otherwise the extractive sentence stands and the rewrite is listed in
 * `notes.dropped` with the reason. The verdict block, sources and follow-ups are never rewritten.
 * Returns a new report; the one given is not changed.
 */
export async function writeReport(
  composed: Report,
  model: LanguageModel,
  notes: LlmNotes,
  models?: LearnedModels,
): Promise<Report> {
  const report: Report = structuredClone(composed);
  const passagesOf = new Map(
    report.sources.map((source) => [source.n, source.passages.map((passage) => passage.text)]),
  );
  const drafts = draftsOf(report);
  for (let start = 0; start < drafts.length; start += WRITER_BATCH) {
    const batch = drafts.slice(start, start + WRITER_BATCH);
    const cited = [...new Set(batch.flatMap((draft) => draft.sentence.citations))].sort((a, b) => a - b);
    const prompt = [
      ...cited.map((n) =>
        passagesOf
          .get(n)!
          .map((text) => quoteSource(n, text))
          .join('\n'),
      ),
      '',
      `Drafts: ${JSON.stringify({ drafts: batch.map((draft) => ({ id: draft.id, text: escapeSourceText(draft.sentence.text), sources: draft.sentence.citations })) })}`,
    ].join('\n');
    let answer: { sentences: Array<{ id: number; text: string; citations: number[] }> };
    try {
      answer = (
        await completeJson<typeof answer>(
          model,
          'writer',
          [
            { role: 'system', content: WRITER_SYSTEM },
            { role: 'user', content: prompt },
          ],
          writerSchema(
            batch.map((draft) => draft.id),
            // A rewrite a little longer than its draft at most: fluency, not new matter.
            Math.min(
              MAX_SENTENCE_CHARS,
              Math.round(Math.max(...batch.map((draft) => draft.sentence.text.length)) * 1.25) + 20,
            ),
          ),
          { maxTokens: 150 * batch.length },
        )
      ).value;
    } catch (error) {
      if (!(error instanceof LanguageModelError)) throw error;
      notes.failures.push({ role: 'writer', message: error.message });
      continue;
    }
    const done = new Set<number>();
    for (const written of answer.sentences) {
      const draft = batch.find((candidate) => candidate.id === written.id);
      if (!draft || done.has(written.id)) {
        notes.dropped.push({
          role: 'writer',
          text: written.text,
          reason: `it answers no draft it was given (id ${written.id})`,
        });
        continue;
      }
      done.add(written.id);
      const given = new Map(draft.sentence.citations.map((n) => [n, passagesOf.get(n)!]));
      const verdict = verifySentence({
        text: written.text,
        citations: written.citations,
        given,
        draft: draft.sentence.text,
        models,
      });
      if (!verdict.ok) {
        notes.dropped.push({ role: 'writer', text: written.text, reason: verdict.reason });
        continue;
      }
      if (verdict.sentence.text === draft.sentence.text) continue;
      if (report.answer && report.answer.text === draft.sentence.text)
        report.answer = {
          ...report.answer,
          text: verdict.sentence.text,
          citations: verdict.sentence.citations,
        };
      // Stored sentences the rewrite still quotes word for word stay declared as quotations.
      const quotes = (draft.sentence.quotes ?? []).filter((quoted) => verdict.sentence.text.includes(quoted));
      draft.replace({ ...verdict.sentence, ...(quotes.length > 0 ? { quotes } : {}) });
      notes.written++;
    }
  }
  return report;
}
