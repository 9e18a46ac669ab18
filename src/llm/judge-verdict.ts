import { getLearnedModels, type LearnedModels } from '../assess/learned-models.js';
import { opposes, VERDICT_TITLES } from '../assess/decide-verdict.js';
import { predictProba } from '../assess/logistic-regression.js';
import { readsWholeClaim, verdictFeatures } from '../assess/verdict-features.js';
import { uncoveredTerms } from '../compose/said-in-other-words.js';
import type { Claim, Evidence, Verdict, VerdictLabel } from '../types.js';
import { completeJson } from './complete-json.js';
import { type LanguageModel, LanguageModelError } from './language-model.js';
import type { LlmNotes } from './llm-notes.js';
import { quoteQuestion, quoteSource, SOURCES_ARE_DATA } from './quote-sources.js';
import { verifySentence } from './verify-sentence.js';

/** Evidence sentences the judge reads, best first. Default 8. */
export const JUDGE_EVIDENCE = 8;

const JUDGE_VERDICTS = ['supported', 'refuted', 'conflicting', 'not enough info'] as const;
type JudgeVerdict = (typeof JUDGE_VERDICTS)[number];

/** A stance for each of the `count` sentences shown, and one or two reasons. */
const judgeSchema = (count: number) => ({
  name: 'judgement',
  schema: {
    type: 'object',
    properties: {
      verdict: { type: 'string', enum: [...JUDGE_VERDICTS] },
      sentences: {
        type: 'array',
        minItems: count,
        maxItems: count,
        items: {
          type: 'object',
          properties: {
            n: { type: 'integer' },
            stance: { type: 'string', enum: ['supports', 'refutes', 'neither'] },
          },
          required: ['n', 'stance'],
        },
      },
      reasons: {
        type: 'array',
        minItems: 1,
        maxItems: 2,
        items: {
          type: 'object',
          properties: {
            text: { type: 'string', maxLength: 300 },
            sources: { type: 'array', items: { type: 'integer' } },
          },
          required: ['text', 'sources'],
        },
      },
    },
    required: ['verdict', 'sentences', 'reasons'],
  },
});

const JUDGE_SYSTEM = [
  'You are the judge of a fact-check. Read the claim and the numbered evidence sentences.',
  'For each sentence say whether it supports the claim, refutes it, or neither; then give a verdict:',
  '"supported" only when a sentence states the claim as fact, "refuted" only when a sentence shows the',
  'opposite (a denial, a different number, date, place or person), "conflicting" when both happen, else',
  '"not enough info". A sentence that only reports that someone made the claim does not support it.',
  'Give one or two short reasons, each citing the sentence numbers it rests on.',
  SOURCES_ARE_DATA,
].join(' ');

const LABEL_OF: Record<JudgeVerdict, VerdictLabel | null> = {
  supported: 'supported',
  refuted: 'contradicted',
  conflicting: 'disputed',
  'not enough info': null,
};

const CLASS_OF: Record<JudgeVerdict, string> = {
  supported: 'supported',
  refuted: 'refuted',
  conflicting: 'conflicting',
  'not enough info': 'not enough info',
};

/** Sentences that together hold every term of the claim (in its words or a verb's synonyms): what "supported" needs. */
function uncovered(claim: Claim, supporting: Evidence[]): string {
  if (supporting.length === 0)
    return 'none is stated as fact without the stance model reading it as against the claim';
  return `none holds ${uncoveredTerms(claim, supporting)
    .map((term) => `"${term}"`)
    .join(', ')}`;
}

function supportsWhole(claim: Claim, supporting: Evidence[]): boolean {
  return supporting.length > 0 && uncoveredTerms(claim, supporting).length === 0;
}

export interface JudgeInput {
  claim: Claim;
  evidence: Evidence[];
  ranked: Evidence[];
  claimNegated: boolean;
  minRelevance: number;
  /** The verdict the default rule reached. */
  verdict: Verdict;
  models?: LearnedModels;
}

/**
 * The judge role: a model reads the claim and the evidence and gives a stance per sentence and a
 * verdict. Its verdict stands only where the evidence bears it out by Verity's own rules —
 * "supported" needs sentences it reads as supporting that state the claim as fact (not a report
 * of it, not a quotation of it, not read as against it by the stance model) and that together
 * hold every term of the claim, in its words or a verb's synonyms; "refuted" needs a
 * sentence it reads as refuting that shows a contradiction (a denial, an antonym, a different
 * number, date or name); "conflicting" needs both — and otherwise the default verdict stands,
 * with the reason shown. "Not enough info" may always make a verdict less definite.
 */
export async function judgeVerdict(
  input: JudgeInput,
  model: LanguageModel,
  notes: LlmNotes,
): Promise<Verdict> {
  const shown = input.evidence.slice(0, JUDGE_EVIDENCE);
  if (shown.length === 0) return input.verdict;
  const prompt = [
    `Claim: ${quoteQuestion(input.claim.text)}`,
    'Evidence:',
    ...shown.map((item, index) => quoteSource(index + 1, item.sentence.text, 600)),
  ].join('\n');
  let answer: {
    verdict: JudgeVerdict;
    sentences: Array<{ n: number; stance: 'supports' | 'refutes' | 'neither' }>;
    reasons: Array<{ text: string; sources: number[] }>;
  };
  try {
    answer = (
      await completeJson<typeof answer>(
        model,
        'judge',
        [
          { role: 'system', content: JUDGE_SYSTEM },
          { role: 'user', content: prompt },
        ],
        judgeSchema(shown.length),
        { maxTokens: 600 },
      )
    ).value;
  } catch (error) {
    if (!(error instanceof LanguageModelError)) throw error;
    notes.failures.push({ role: 'judge', message: error.message });
    return input.verdict;
  }
  const stances = answer.sentences
    .filter((entry) => entry.n >= 1 && entry.n <= shown.length)
    .map((entry) => ({ sentence: shown[entry.n - 1]!.sentence.text, stance: entry.stance }));
  const read = (stance: 'supports' | 'refutes') =>
    answer.sentences
      .filter((entry) => entry.stance === stance && entry.n >= 1 && entry.n <= shown.length)
      .map((entry) => shown[entry.n - 1]!);
  const supporting = read('supports').filter(
    (item) => item.modality === 'asserted' && !item.restatesClaim && !opposes(item),
  );
  const refuting = read('refutes').filter(
    (item) => item.contradicts.length > 0 || (item.modality === 'denied' && !input.claimNegated),
  );
  const bornOut =
    answer.verdict === 'supported'
      ? supportsWhole(input.claim, supporting)
      : answer.verdict === 'refuted'
        ? refuting.length > 0
        : answer.verdict === 'conflicting'
          ? supportsWhole(input.claim, supporting) && refuting.length > 0
          : true;
  const who = `A language model (${model.model}) judged the claim "${answer.verdict}"`;
  if (!bornOut) {
    const why =
      answer.verdict === 'supported'
        ? `the sentences it reads as supporting do not state the whole claim as fact (${uncovered(input.claim, supporting)})`
        : answer.verdict === 'refuted'
          ? 'no sentence it reads as refuting shows a contradiction (a denial, an antonym, another number, date or name)'
          : 'the evidence it cites does not lean both ways by those rules';
    const reason = `${who}, but ${why}; the default rule's verdict stands.`;
    notes.judge = { verdict: answer.verdict, accepted: false, reason, stances };
    // The default verdict stands as it is; the overruling is shown in the report's language-model note.
    return input.verdict;
  }
  const judged: VerdictLabel =
    LABEL_OF[answer.verdict] ??
    (['reported', 'unsettled', 'not-found'].includes(input.verdict.label)
      ? input.verdict.label
      : 'unsettled');
  // Reasons reach the reader only when they pass the same verification as the writer's sentences.
  const given = new Map(shown.map((item, index) => [index + 1, [item.sentence.text]]));
  const reasons = answer.reasons.flatMap((reason) => {
    const checked = verifySentence({
      text: reason.text,
      citations: reason.sources,
      given,
      models: input.models,
    });
    if (!checked.ok) notes.dropped.push({ role: 'judge', text: reason.text, reason: checked.reason });
    return checked.ok ? [`The language model's reason: ${checked.sentence.text}`] : [];
  });
  const reason = `${who}; the evidence bears that out by the default rules.`;
  notes.judge = { verdict: answer.verdict, accepted: true, reason, stances };
  if (judged === input.verdict.label)
    // The summary opens with the last reason: the default rule's stays last.
    return {
      ...input.verdict,
      reasons: [...input.verdict.reasons.slice(0, -1), ...reasons, ...input.verdict.reasons.slice(-1)],
    };
  // The confidence stays the fitted verdict model's: its probability for the class the judge chose.
  const verdictModel = (input.models ?? getLearnedModels()).verdict;
  const probabilities = predictProba(
    verdictModel,
    verdictFeatures(
      input.ranked,
      input.claimNegated,
      input.minRelevance,
      readsWholeClaim(verdictModel),
      verdictModel.verdictOrder,
    ),
  );
  const at = verdictModel.classes.indexOf(CLASS_OF[answer.verdict]);
  return {
    label: judged,
    title: VERDICT_TITLES[judged],
    confidence: Math.round((probabilities[at] ?? 0) * 100) / 100,
    // The summary opens with the last reason: that the verdict is the judge's, borne out.
    reasons: [`Without the judge, the default rule reads "${input.verdict.title}".`, ...reasons, reason],
  };
}
