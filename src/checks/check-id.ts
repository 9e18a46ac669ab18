import { createHash } from 'node:crypto';
import type { CorpusState, Report } from '../types.js';

/**
 * A check's id: the same question, as-of date and corpus state give the same id (and the same
 * report). A check made with a language model has an id of its own (its roles and model join the
 * key), so that it never replaces the default report of the same question.
 */
export function checkId(
  question: string,
  asOf: string,
  corpus: CorpusState,
  llm: Pick<NonNullable<Report['llm']>, 'kind' | 'model' | 'roles'> | null = null,
): string {
  const key = [
    question.trim().replace(/\s+/g, ' '),
    asOf,
    corpus.articles,
    corpus.passages,
    corpus.lastIngestAt ?? '',
    ...(llm ? [`llm ${llm.kind}:${llm.model} ${llm.roles.join(',')}`] : []),
  ].join('\n');
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}
