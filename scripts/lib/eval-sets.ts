import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { EvalClaimLine, EvalCorpusLine, EvalLabel } from '../../src/eval/eval-format.js';

export interface EvalSet {
  name: string;
  corpus: EvalCorpusLine[];
  claims: EvalClaimLine[];
}

function jsonl<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

/** Climate-FEVER: no official split; claims with an odd numeric id are the held-out half (even ids: for fitting). */
export function climateFever(shared: string): EvalSet {
  const rows = jsonl<{
    claim_id: string;
    claim: string;
    claim_label: string;
    evidences: Array<{ evidence_id: string; evidence_label: string; article: string; evidence: string }>;
  }>(path.join(shared, 'data', 'climate-fever', 'climate-fever.jsonl'));
  const corpus = new Map<string, EvalCorpusLine>();
  const labels: Record<string, EvalLabel> = {
    SUPPORTS: 'supported',
    REFUTES: 'refuted',
    NOT_ENOUGH_INFO: 'not enough info',
    DISPUTED: 'conflicting',
  };
  const claims: EvalClaimLine[] = [];
  for (const row of rows) {
    for (const evidence of row.evidences)
      corpus.set(evidence.evidence_id, {
        id: evidence.evidence_id,
        text: evidence.evidence,
        title: evidence.article,
      });
    if (Number(row.claim_id) % 2 === 1) {
      claims.push({
        id: row.claim_id,
        claim: row.claim,
        label: labels[row.claim_label]!,
        evidence: row.evidences
          .filter((e) => e.evidence_label !== 'NOT_ENOUGH_INFO')
          .map((e) => e.evidence_id),
      });
    }
  }
  return { name: 'Climate-FEVER (odd claim ids)', corpus: [...corpus.values()], claims };
}

/** SciFact dev split over the full 5,183-abstract corpus, one line per abstract sentence. */
export function sciFact(shared: string): EvalSet {
  const corpus: EvalCorpusLine[] = [];
  for (const part of ['corpus.part1.jsonl', 'corpus.part2.jsonl', 'corpus.part3.jsonl']) {
    for (const doc of jsonl<{ doc_id: number; title: string; abstract: string[] }>(
      path.join(shared, 'data', 'scifact', part),
    )) {
      doc.abstract.forEach((sentence, index) =>
        corpus.push({ id: `${doc.doc_id}:${index}`, text: sentence, title: doc.title }),
      );
    }
  }
  const claims = jsonl<{
    id: number;
    claim: string;
    evidence: Record<string, Array<{ sentences: number[]; label: string }>>;
  }>(path.join(shared, 'data', 'scifact', 'claims_dev.jsonl')).map((row) => {
    const sets = Object.entries(row.evidence).flatMap(([doc, items]) =>
      items.map((item) => ({ doc, ...item })),
    );
    const labelsSeen = new Set(sets.map((item) => item.label));
    const label: EvalLabel =
      labelsSeen.size === 0
        ? 'not enough info'
        : labelsSeen.size > 1
          ? 'conflicting'
          : labelsSeen.has('SUPPORT')
            ? 'supported'
            : 'refuted';
    return {
      id: String(row.id),
      claim: row.claim,
      label,
      evidence: sets.flatMap((item) => item.sentences.map((index) => `${item.doc}:${index}`)),
    };
  });
  return { name: 'SciFact (dev)', corpus, claims };
}

/** FEVER-symmetric v0.2 test: the corpus is the evidence sentences of the set (dev is kept for fitting). */
export function feverSymmetric(shared: string): EvalSet {
  const rows = jsonl<{ id: string; claim: string; evidence: string; label: string }>(
    path.join(shared, 'data', 'fever-symmetric', 'symmetric_v0.2', 'fever_symmetric_test.jsonl'),
  );
  const ids = new Map<string, string>();
  const corpus: EvalCorpusLine[] = [];
  for (const row of rows) {
    if (!ids.has(row.evidence)) {
      ids.set(row.evidence, `e${ids.size}`);
      corpus.push({ id: ids.get(row.evidence)!, text: row.evidence });
    }
  }
  const claims = rows.map((row, index) => ({
    id: `${row.id}-${index}`,
    claim: row.claim,
    label: (row.label === 'SUPPORTS' ? 'supported' : 'refuted') as EvalLabel,
    evidence: [ids.get(row.evidence)!],
  }));
  return { name: 'FEVER-symmetric (v0.2 test)', corpus, claims };
}

/** Sentences that state PolitiFact's own rating give the answer away; they stay out of the corpus. */
const RATING_SENTENCE =
  /\b(we rate|rate (this|the|it)|pants on fire|truth-o-meter|mostly (true|false)|half true|our ruling|we rated)\b/i;

/** PolitiHop validation split: ruling sentences are the corpus; annotated evidence ids are gold (0-based indices). */
export function politiHop(shared: string): EvalSet {
  const rows = parse(fs.readFileSync(path.join(shared, 'data', 'politihop', 'politihop_valid.tsv'), 'utf8'), {
    columns: true,
    delimiter: '\t',
    relax_quotes: true,
  }) as Array<{
    article_id: string;
    statement: string;
    ruling: string;
    annotated_evidence: string;
    annotated_label: string;
  }>;
  const labels: Record<string, EvalLabel> = {
    true: 'supported',
    false: 'refuted',
    'half-true': 'conflicting',
  };
  const corpus: EvalCorpusLine[] = [];
  const claims: EvalClaimLine[] = [];
  for (const row of rows) {
    const ruling = JSON.parse(row.ruling) as string[];
    ruling.forEach((sentence, index) => {
      if (!RATING_SENTENCE.test(sentence)) corpus.push({ id: `${row.article_id}:${index}`, text: sentence });
    });
    const chains = JSON.parse(row.annotated_evidence || '{}') as Record<string, string[]>;
    const evidence = [...new Set(Object.values(chains).flat())]
      .map((index) => `${row.article_id}:${index}`)
      .filter((id) => corpus.some((line) => line.id === id));
    claims.push({
      id: row.article_id,
      claim: row.statement.replace(/^[“"]|[”"]$/g, ''),
      label: labels[row.annotated_label]!,
      evidence,
    });
  }
  return { name: 'PolitiHop (valid)', corpus, claims };
}
