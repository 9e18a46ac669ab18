import fs from 'node:fs';
import { UsageError } from '../errors.js';

/** One corpus line of the generic evaluation format: one passage or sentence. */
export interface EvalCorpusLine {
  id: string;
  text: string;
  title?: string;
  url?: string;
  outlet?: string;
  published?: string;
  /** Lines of one article share this id (sentences of one document), when url and title do not say so. */
  article?: string;
}

export const EVAL_LABELS = ['supported', 'refuted', 'not enough info', 'conflicting'] as const;
export type EvalLabel = (typeof EVAL_LABELS)[number];

/** One claim line: the claim, its gold label, and the corpus ids of its gold evidence. */
export interface EvalClaimLine {
  id: string;
  claim: string;
  label: EvalLabel;
  evidence: string[];
}

function readLines<T>(file: string, check: (value: Record<string, unknown>, where: string) => T): T[] {
  const out: T[] = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (!line.trim()) return;
      const where = `${file}:${index + 1}`;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new UsageError(`${where}: not valid JSON (${(error as Error).message})`, { cause: error });
      }
      if (!value || typeof value !== 'object')
        throw new UsageError(`${where}: each line must be a JSON object`);
      out.push(check(value as Record<string, unknown>, where));
    });
  return out;
}

export function readEvalCorpus(file: string): EvalCorpusLine[] {
  return readLines(file, (value, where) => {
    if (typeof value.text !== 'string' || value.id === undefined) {
      throw new UsageError(
        `${where}: a corpus line needs "id" and "text", e.g. {"id": "d1:0", "text": "..."}`,
      );
    }
    return { ...(value as unknown as EvalCorpusLine), id: String(value.id) };
  });
}

export function readEvalClaims(file: string): EvalClaimLine[] {
  return readLines(file, (value, where) => {
    if (typeof value.claim !== 'string' || !EVAL_LABELS.includes(value.label as EvalLabel)) {
      throw new UsageError(
        `${where}: a claim line needs "claim" and "label" (one of ${EVAL_LABELS.join(', ')})`,
      );
    }
    // A check refuses a claim this short; one such line would otherwise stop the whole run half-way.
    if (value.claim.trim().length < 3)
      throw new UsageError(
        `${where}: the claim is empty (under 3 characters); give the claim's text or leave the line out`,
      );
    const evidence = Array.isArray(value.evidence) ? value.evidence.map(String) : [];
    return { id: String(value.id), claim: value.claim, label: value.label as EvalLabel, evidence };
  });
}
