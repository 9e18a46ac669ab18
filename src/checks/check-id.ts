import { createHash } from 'node:crypto';
import type { CorpusState } from '../types.js';

/** A check's id: the same question, as-of date and corpus state give the same id (and the same report). */
export function checkId(question: string, asOf: string, corpus: CorpusState): string {
  const key = [
    question.trim().replace(/\s+/g, ' '),
    asOf,
    corpus.articles,
    corpus.passages,
    corpus.lastIngestAt ?? '',
  ].join('\n');
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}
