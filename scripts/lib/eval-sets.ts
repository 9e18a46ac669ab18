import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { splitSentences } from '../../src/analyze/split-sentences.js';
import { stemSet } from '../../src/analyze/tokenize.js';
import type { EvalClaimLine, EvalCorpusLine, EvalLabel } from '../../src/eval/eval-format.js';

/** A claim with, where the set says so, the stance of each gold evidence sentence (for fitting the stance model). */
export type LabelledClaim = EvalClaimLine & {
  stance?: Record<string, 'supports' | 'refutes' | 'neutral'>;
};

/**
 * What a set's labels can teach: which retrieved sentences are evidence (the ranker and the
 * relevance model), which way evidence leans (the stance and polarity models), and verdicts.
 */
export interface Teaches {
  relevance: boolean;
  stance: boolean;
  verdict: boolean;
}

export const TEACHES_ALL: Teaches = { relevance: true, stance: true, verdict: true };

export interface EvalSet {
  name: string;
  corpus: EvalCorpusLine[];
  claims: LabelledClaim[];
  /** Default: all. Emergent has no sentence-level evidence; the pair sets teach stance only. */
  teaches?: Teaches;
}

/** `train`: the split models are fitted on; `test`: the split `npm run eval` reports. */
export type Split = 'train' | 'test';

function jsonl<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

/** Climate-FEVER has no official split: even claim ids are for fitting, odd ids are held out. */
export function climateFever(shared: string, split: Split = 'test'): EvalSet {
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
  const claims: LabelledClaim[] = [];
  for (const row of rows) {
    for (const evidence of row.evidences) {
      corpus.set(evidence.evidence_id, {
        id: evidence.evidence_id,
        text: evidence.evidence,
        title: evidence.article,
      });
    }
    if (Number(row.claim_id) % 2 === (split === 'test' ? 1 : 0)) {
      const gold = row.evidences.filter((evidence) => evidence.evidence_label !== 'NOT_ENOUGH_INFO');
      claims.push({
        id: row.claim_id,
        claim: row.claim,
        label: labels[row.claim_label]!,
        evidence: gold.map((evidence) => evidence.evidence_id),
        stance: Object.fromEntries(
          gold.map((evidence) => [
            evidence.evidence_id,
            evidence.evidence_label === 'SUPPORTS' ? 'supports' : 'refutes',
          ]),
        ),
      });
    }
  }
  return {
    name: `Climate-FEVER (${split === 'test' ? 'odd' : 'even'} claim ids)`,
    corpus: [...corpus.values()],
    claims,
  };
}

/** SciFact over the full 5,183-abstract corpus, one line per abstract sentence; train or dev claims. */
export function sciFact(shared: string, split: Split = 'test'): EvalSet {
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
  const file = split === 'test' ? 'claims_dev.jsonl' : 'claims_train.jsonl';
  const claims = jsonl<{
    id: number;
    claim: string;
    evidence: Record<string, Array<{ sentences: number[]; label: string }>>;
  }>(path.join(shared, 'data', 'scifact', file)).map((row): LabelledClaim => {
    const sets = Object.entries(row.evidence).flatMap(([doc, items]) =>
      items.map((item) => ({ doc, ...item })),
    );
    const seen = new Set(sets.map((item) => item.label));
    const label: EvalLabel =
      seen.size === 0
        ? 'not enough info'
        : seen.size > 1
          ? 'conflicting'
          : seen.has('SUPPORT')
            ? 'supported'
            : 'refuted';
    const stance: Record<string, 'supports' | 'refutes'> = {};
    for (const item of sets)
      for (const index of item.sentences)
        stance[`${item.doc}:${index}`] = item.label === 'SUPPORT' ? 'supports' : 'refutes';
    return { id: String(row.id), claim: row.claim, label, evidence: Object.keys(stance), stance };
  });
  return { name: `SciFact (${split === 'test' ? 'dev' : 'train'})`, corpus, claims };
}

/**
 * FEVER-symmetric pairs every claim with two evidence sentences that give opposite labels (the
 * original and a rewritten one), and every evidence sentence with two claims. Put in one corpus,
 * each claim would face both sentences and its label could not follow from the corpus. So the
 * sentences are split into two consistent "worlds" (a 2-colouring: the two sentences of a claim
 * never share a world), and each world is its own corpus in which every claim appears once with
 * the one sentence that decides it. Rows that cannot be placed that way are left out (4 of the 712 test rows of v0.2).
 */
function feverSymmetricWorld(world: 0 | 1) {
  const build = (shared: string, split: Split = 'test'): EvalSet => {
    const file = split === 'test' ? 'fever_symmetric_test.jsonl' : 'fever_symmetric_dev.jsonl';
    const rows = jsonl<{ id: string; claim: string; evidence: string; label: string }>(
      path.join(shared, 'data', 'fever-symmetric', 'symmetric_v0.2', file),
    );
    const evidenceOfClaim = new Map<string, string[]>();
    for (const row of rows)
      evidenceOfClaim.set(row.claim, [...(evidenceOfClaim.get(row.claim) ?? []), row.evidence]);
    // Breadth-first 2-colouring of the evidence sentences: two sentences of one claim differ.
    const neighbours = new Map<string, Set<string>>();
    for (const sentences of evidenceOfClaim.values())
      for (const a of sentences)
        for (const b of sentences) if (a !== b) neighbours.set(a, (neighbours.get(a) ?? new Set()).add(b));
    const colour = new Map<string, 0 | 1>();
    for (const start of [...new Set(rows.map((row) => row.evidence))].sort()) {
      if (colour.has(start)) continue;
      colour.set(start, 0);
      const queue = [start];
      while (queue.length) {
        const sentence = queue.shift()!;
        for (const next of [...(neighbours.get(sentence) ?? [])].sort()) {
          if (colour.has(next)) continue;
          colour.set(next, colour.get(sentence) === 0 ? 1 : 0);
          queue.push(next);
        }
      }
    }
    const placeable = (claim: string) => {
      const worlds = (evidenceOfClaim.get(claim) ?? []).map((sentence) => colour.get(sentence));
      return new Set(worlds).size === worlds.length;
    };
    const inWorld = rows.filter((row) => colour.get(row.evidence) === world && placeable(row.claim));
    const ids = new Map<string, string>();
    const corpus: EvalCorpusLine[] = [];
    for (const row of inWorld) {
      if (!ids.has(row.evidence)) {
        ids.set(row.evidence, `w${world}e${ids.size}`);
        corpus.push({ id: ids.get(row.evidence)!, text: row.evidence });
      }
    }
    const claims = inWorld.map((row): LabelledClaim => {
      const id = ids.get(row.evidence)!;
      const supports = row.label === 'SUPPORTS';
      return {
        id: `${row.id}-w${world}`,
        claim: row.claim,
        label: supports ? 'supported' : 'refuted',
        evidence: [id],
        stance: { [id]: supports ? 'supports' : 'refutes' },
      };
    });
    return {
      name: `FEVER-symmetric (v0.2 ${split === 'test' ? 'test' : 'dev'}, world ${world + 1})`,
      corpus,
      claims,
    };
  };
  return Object.defineProperty(build, 'name', { value: `feverSymmetricWorld${world + 1}` });
}

/** Sentences that state PolitiFact's own rating give the answer away; they stay out of the corpus. */
const RATING_SENTENCE =
  /\b(we rate|rate (this|the|it)|pants on fire|truth-o-meter|mostly (true|false)|half true|our ruling|we rated)\b/i;

/**
 * PolitiHop: ruling sentences are the corpus; annotated evidence ids (0-based) are gold, and take
 * the claim's side (see below). Train or validation split.
 *
 * The split files hold one row per annotation, and most claims were annotated two to ten times
 * (141 validation rows, 59 claims): every row repeats the whole ruling under its own article id.
 * Rows of one claim become one claim and one copy of its ruling here, with the evidence of every
 * annotation joined — repeated rulings would pose as independent sources and split the gold ids.
 */
export function politiHop(shared: string, split: Split = 'test'): EvalSet {
  const file = split === 'test' ? 'politihop_valid.tsv' : 'politihop_train.tsv';
  const rows = parse(fs.readFileSync(path.join(shared, 'data', 'politihop', file), 'utf8'), {
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
  const byClaim = new Map<string, typeof rows>();
  for (const row of rows) byClaim.set(row.statement, [...(byClaim.get(row.statement) ?? []), row]);
  const corpus: EvalCorpusLine[] = [];
  const claims: LabelledClaim[] = [];
  for (const [statement, annotations] of byClaim) {
    const first = annotations[0]!;
    const ruling = JSON.parse(first.ruling) as string[];
    const kept = new Set<string>();
    ruling.forEach((sentence, index) => {
      if (RATING_SENTENCE.test(sentence)) return;
      const id = `${first.article_id}:${index}`;
      kept.add(id);
      corpus.push({ id, text: sentence, article: first.article_id });
    });
    const evidence = [
      ...new Set(
        annotations.flatMap((row) =>
          Object.values(JSON.parse(row.annotated_evidence || '{}') as Record<string, string[]>).flat(),
        ),
      ),
    ]
      .map((index) => `${first.article_id}:${index}`)
      .filter((id) => kept.has(id));
    const label = labels[first.annotated_label]!;
    // The annotators picked these sentences as the reasons for a true or false rating, so each
    // supports or refutes the claim as a whole (weak stance labels; "half-true" gives none).
    const side = label === 'supported' ? 'supports' : label === 'refuted' ? 'refutes' : undefined;
    claims.push({
      id: first.article_id,
      // The files keep CSV's doubled quotes (""under investigation"") inside the statement.
      claim: statement.replace(/""/g, '"').replace(/^\s*[“"]|[”"]\s*$/g, ''),
      label,
      evidence,
      ...(side ? { stance: Object.fromEntries(evidence.map((id) => [id, side])) } : {}),
    });
  }
  return { name: `PolitiHop (${split === 'test' ? 'valid' : 'train'})`, corpus, claims };
}

/** A CSV file of ../shared/data with a header line, as rows keyed by column name. */
export function readSharedCsv(shared: string, ...parts: string[]): Array<Record<string, string>> {
  return parse(fs.readFileSync(path.join(shared, 'data', ...parts), 'utf8'), { columns: true }) as Array<
    Record<string, string>
  >;
}

/** A news body's sentences: paragraphs (blank-line or newline separated), each split into sentences. */
export function bodySentences(body: string): string[] {
  return body.split(/\n+/).flatMap(splitSentences);
}

/** A stable split of a set that ships no test split: one item in four (FNV-1a of its id) is held out. */
export function ownSplit(id: string): Split {
  let hash = 0x811c9dc5;
  for (const char of id) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash % 4 === 3 ? 'test' : 'train';
}

/**
 * AVeriTeC (train release only; its dev split is kept unseen elsewhere): real-world claims checked
 * by 50 organisations, with the evidence annotators found as question–answer pairs. Each answer is
 * a corpus line (a yes/no answer with its explanation), titled by the question it answers, and
 * the answers of every claim of the split make one corpus, so retrieval is real. A claim's gold
 * evidence is its own answers, which together carry its label (weak stance labels, as PolitiHop's).
 * Own split of the 3,068 claims: one in four by hash of the claim's position and text is held out.
 */
export function aVeriTeC(shared: string, split: Split = 'test'): EvalSet {
  const rows = JSON.parse(
    fs.readFileSync(path.join(shared, 'data', 'averitec', 'train.json'), 'utf8'),
  ) as Array<{
    claim: string;
    label: string;
    claim_date?: string;
    questions: Array<{
      question: string;
      answers: Array<{
        answer: string;
        answer_type: string;
        source_url?: string;
        boolean_explanation?: string;
      }>;
    }>;
  }>;
  const labels: Record<string, EvalLabel> = {
    Supported: 'supported',
    Refuted: 'refuted',
    'Not Enough Evidence': 'not enough info',
    'Conflicting Evidence/Cherrypicking': 'conflicting',
  };
  const corpus: EvalCorpusLine[] = [];
  const claims: LabelledClaim[] = [];
  rows.forEach((row, index) => {
    const id = `averitec-${index}`;
    if (ownSplit(`${id}:${row.claim}`) !== split) return;
    const evidence: string[] = [];
    row.questions.forEach((question, q) =>
      question.answers.forEach((answer, a) => {
        if (answer.answer_type === 'Unanswerable') return;
        const text =
          answer.answer_type === 'Boolean'
            ? `${answer.answer.trim()}. ${answer.boolean_explanation?.trim() ?? ''}`.trim()
            : answer.answer.trim();
        if (text.length < 3) return;
        const line = `${id}:${q}:${a}`;
        corpus.push({ id: line, text, title: question.question.trim(), article: `${id}:${q}:${a}` });
        evidence.push(line);
      }),
    );
    const label = labels[row.label];
    // One record of the release has no claim text; a check would refuse it ("the question is empty").
    if (!label || row.claim.trim().length < 3) return;
    const side = label === 'supported' ? 'supports' : label === 'refuted' ? 'refutes' : undefined;
    claims.push({
      id,
      claim: row.claim.trim(),
      label,
      evidence,
      ...(side ? { stance: Object.fromEntries(evidence.map((line) => [line, side])) } : {}),
    });
  });
  return {
    name: `AVeriTeC (train release, ${split === 'test' ? 'held-out quarter' : 'other three quarters'})`,
    corpus,
    claims,
  };
}

/**
 * Emergent (training release; its test split is kept unseen elsewhere): news rumours with how they
 * turned out, over the FNC-1 article bodies written about them. A claim's articles are the FNC-1
 * bodies paired as related (agree / disagree / discuss) with the headlines Emergent lists for it;
 * every body of the release is a corpus article, one line per sentence. Claims with no body in
 * FNC-1 are left out (34 of 240). There is no sentence-level gold evidence, so retrieval is not
 * scored and the set teaches only the verdict model. Own split: one claim in four by hash of its id.
 */
export function emergent(shared: string, split: Split = 'test'): EvalSet {
  const read = (...parts: string[]) => readSharedCsv(shared, ...parts);
  const bodies = new Map(
    [...read('fnc-1', 'train_bodies.csv'), ...read('fnc-1', 'competition_test_bodies.csv')].map((row) => [
      row['Body ID']!,
      row['articleBody']!,
    ]),
  );
  const bodiesOfHeadline = new Map<string, Set<string>>();
  for (const row of [
    ...read('fnc-1', 'train_stances.csv'),
    ...read('fnc-1', 'competition_test_stances.csv'),
  ]) {
    if (row['Stance'] === 'unrelated') continue;
    const set = bodiesOfHeadline.get(row['Headline']!) ?? new Set<string>();
    bodiesOfHeadline.set(row['Headline']!, set.add(row['Body ID']!));
  }
  const labels: Record<string, EvalLabel> = {
    true: 'supported',
    false: 'refuted',
    unknown: 'not enough info',
  };
  const byClaim = new Map<string, { claim: string; truth: string; bodies: Set<string> }>();
  for (const row of read('emergent', 'edata-train.csv')) {
    const entry = byClaim.get(row['claimId']!) ?? {
      claim: row['claimHeadline']!,
      truth: row['claimTruth']!,
      bodies: new Set<string>(),
    };
    for (const body of bodiesOfHeadline.get(row['articleHeadline']!) ?? []) entry.bodies.add(body);
    byClaim.set(row['claimId']!, entry);
  }
  const used = new Set([...byClaim.values()].flatMap((entry) => [...entry.bodies]));
  const corpus = [...used].sort().flatMap((body) =>
    bodySentences(bodies.get(body)!).map((text, index) => ({
      id: `fnc${body}:${index}`,
      text,
      article: `fnc${body}`,
    })),
  );
  const claims: LabelledClaim[] = [...byClaim.entries()]
    .filter(([id, entry]) => entry.bodies.size > 0 && labels[entry.truth] && ownSplit(id) === split)
    .map(([id, entry]) => ({ id, claim: entry.claim.trim(), label: labels[entry.truth]!, evidence: [] }));
  return {
    name: `Emergent (train release, ${split === 'test' ? 'held-out quarter' : 'other three quarters'})`,
    corpus,
    claims,
    // No sentence-level gold: its pools would teach that sentences about the claim are not evidence.
    teaches: { relevance: false, stance: false, verdict: true },
  };
}

/**
 * Inference pairs teach which way a sentence leans; their one-sentence "corpora" of captions or
 * premises are no model of retrieval, and an inference label is no fact-check verdict.
 */
const STANCE_ONLY: Teaches = { relevance: false, stance: true, verdict: false };

/**
 * SICK (Marelli et al. 2014): pairs of short image captions with an inference label. Each
 * sentence B is a claim and its sentence A the one gold evidence line, in a corpus of every
 * distinct sentence A of the split (so retrieval is real): entailment → supported / supports,
 * contradiction → refuted / refutes, neutral → not enough info, its sentence A taking no side.
 * SemEval TRAIN and TRIAL are the training split, TEST the held-out one.
 */
export function sick(shared: string, split: Split = 'test'): EvalSet {
  const lines = fs.readFileSync(path.join(shared, 'data', 'nli', 'sick', 'SICK.txt'), 'utf8').split('\n');
  const header = lines[0]!.split('\t');
  const column = (name: string) => header.indexOf(name);
  const labels: Record<string, [EvalLabel, 'supports' | 'refutes' | 'neutral']> = {
    ENTAILMENT: ['supported', 'supports'],
    CONTRADICTION: ['refuted', 'refutes'],
    NEUTRAL: ['not enough info', 'neutral'],
  };
  const ids = new Map<string, string>();
  const corpus: EvalCorpusLine[] = [];
  const claims: LabelledClaim[] = [];
  for (const line of lines.slice(1)) {
    const fields = line.split('\t');
    if (fields.length < header.length) continue;
    const inSplit = fields[column('SemEval_set')] === 'TEST' ? 'test' : 'train';
    const label = labels[fields[column('entailment_label')]!];
    if (inSplit !== split || !label) continue;
    const premise = fields[column('sentence_A')]!.trim();
    if (!ids.has(premise)) {
      ids.set(premise, `sick${ids.size}`);
      corpus.push({ id: ids.get(premise)!, text: premise });
    }
    const evidence = ids.get(premise)!;
    claims.push({
      id: `sick-${fields[column('pair_ID')]}`,
      claim: fields[column('sentence_B')]!.trim(),
      label: label[0],
      evidence: [evidence],
      stance: { [evidence]: label[1] },
    });
  }
  return {
    name: `SICK (${split === 'test' ? 'SemEval test' : 'SemEval train and trial'})`,
    corpus,
    claims,
    teaches: STANCE_ONLY,
  };
}

/**
 * RTE (GLUE; PASCAL RTE 1–3 and 5, mostly news): each hypothesis is a claim and its premise the
 * gold evidence line, in a corpus of the split's premises. Entailment → supported / supports;
 * not_entailment (a contradiction or an unknown) → not enough info, with no stance label.
 * train.tsv and val.tsv (the GLUE training set) are the training split, dev.tsv the held-out one.
 */
export function rte(shared: string, split: Split = 'test'): EvalSet {
  const read = (file: string, hasHeader: boolean) =>
    fs
      .readFileSync(path.join(shared, 'data', 'nli', 'rte', file), 'utf8')
      .split('\n')
      .slice(hasHeader ? 1 : 0)
      .map((line) => line.split('\t'))
      .filter((fields) => fields.length >= 4)
      .map((fields) => ({
        id: `${file}:${fields[0]}`,
        premise: fields[1]!.trim(),
        claim: fields[2]!.trim(),
        label: fields[3]!.trim(),
      }));
  const rows =
    split === 'test' ? read('dev.tsv', true) : [...read('train.tsv', true), ...read('val.tsv', false)];
  const ids = new Map<string, string>();
  const corpus: EvalCorpusLine[] = [];
  const claims: LabelledClaim[] = rows
    .filter((row) => row.label === 'entailment' || row.label === 'not_entailment')
    .map((row) => {
      if (!ids.has(row.premise)) {
        ids.set(row.premise, `rte${ids.size}`);
        corpus.push({ id: ids.get(row.premise)!, text: row.premise });
      }
      const evidence = ids.get(row.premise)!;
      const entails = row.label === 'entailment';
      return {
        id: `rte-${row.id}`,
        claim: row.claim,
        label: entails ? 'supported' : 'not enough info',
        evidence: [evidence],
        ...(entails ? { stance: { [evidence]: 'supports' as const } } : {}),
      };
    });
  return {
    name: `RTE (${split === 'test' ? 'GLUE dev' : 'GLUE train'})`,
    corpus,
    claims,
    teaches: STANCE_ONLY,
  };
}

/** Shares of a headline's content stems a body sentence must hold to be read as its evidence. */
const FNC_MIN_SHARED = 2;
const FNC_SENTENCES_PER_BODY = 2;

/**
 * FNC-1 stances (headline, news body, agree / disagree / discuss / unrelated) as stance and
 * relevance teaching: each headline is a claim over a corpus of every body's sentences (one article
 * per body). Labels are per body, so each related body lends its stance to the two sentences that
 * hold most of the headline's content words (at least two): agree → supports, disagree → refutes,
 * discuss → no side (weak labels, documented in docs/eval-format.md). Unrelated bodies are only
 * retrieved non-evidence. There is no truth label, so the set teaches no verdict. Train:
 * train_stances over train_bodies; test: the competition test pairs.
 */
export function fnc1Stances(shared: string, split: Split = 'test'): EvalSet {
  const read = (file: string) => readSharedCsv(shared, 'fnc-1', file);
  const prefix = split === 'test' ? 'competition_test' : 'train';
  const bodies = new Map(
    read(`${prefix}_bodies.csv`).map((row) => [row['Body ID']!, bodySentences(row['articleBody']!)]),
  );
  const corpus = [...bodies.entries()].flatMap(([body, sentences]) =>
    sentences.map((text, index) => ({ id: `fnc${body}:${index}`, text, article: `fnc${body}` })),
  );
  const stanceOf: Record<string, 'supports' | 'refutes' | 'neutral'> = {
    agree: 'supports',
    disagree: 'refutes',
    discuss: 'neutral',
  };
  const byHeadline = new Map<string, Record<string, 'supports' | 'refutes' | 'neutral'>>();
  for (const row of read(`${prefix}_stances.csv`)) {
    const stance = stanceOf[row['Stance']!];
    const sentences = bodies.get(row['Body ID']!);
    if (!stance || !sentences) continue;
    const headline = stemSet(row['Headline']!);
    const picked = sentences
      .map((text, index) => ({ index, shared: [...stemSet(text)].filter((key) => headline.has(key)).length }))
      .filter((item) => item.shared >= FNC_MIN_SHARED)
      .sort((a, b) => b.shared - a.shared || a.index - b.index)
      .slice(0, FNC_SENTENCES_PER_BODY);
    const labels = byHeadline.get(row['Headline']!) ?? {};
    for (const item of picked) labels[`fnc${row['Body ID']}:${item.index}`] = stance;
    byHeadline.set(row['Headline']!, labels);
  }
  const claims: LabelledClaim[] = [...byHeadline.entries()]
    .filter(([, labels]) => Object.keys(labels).length > 0)
    .map(([headline, labels], index) => ({
      id: `fnc-${split}-${index}`,
      claim: headline,
      // No truth label: the set teaches no verdict (teaches.verdict is false).
      label: 'not enough info',
      evidence: Object.keys(labels),
      stance: labels,
    }));
  return {
    name: `FNC-1 stances (${split === 'test' ? 'competition test' : 'train'})`,
    corpus,
    claims,
    // Its evidence was picked by word overlap, which would teach the relevance model to count words.
    teaches: { relevance: false, stance: true, verdict: false },
  };
}

/**
 * Sets that teach but are not claim verification: sentence-pair inference. `npm run train` and the
 * leave-one-dataset-out folds fit on them; `npm run eval` does not report them unless asked
 * (`--with-inference`), and `--without-inference` measures what they add.
 */
export const INFERENCE_SETS = [sick, rte];

/** News stance pairs without truth labels: fitted on by `npm run train` and every fold; scored by `npm run eval:stance`. */
export const STANCE_SETS = [fnc1Stances];

export const SHARED_SETS = [
  climateFever,
  sciFact,
  feverSymmetricWorld(0),
  feverSymmetricWorld(1),
  politiHop,
  aVeriTeC,
  emergent,
];
