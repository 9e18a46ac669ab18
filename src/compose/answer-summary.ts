/**
 * How a report opens when it answers an open question: the answer itself first (the names, number,
 * date or place asked for, or the sentence that says what happened), each part cited and with how
 * many outlets state it; then the sentence it rests on. When no evidence holds an answer of the kind
 * asked, the report says so: not answered by these sources, which is not the same as no answer.
 */
import type { AnswerType, QuestionReading } from '../assess/read-question.js';
import type { AnswerLabel, CitedSentence, Evidence, Report, Verdict } from '../types.js';
import type { Citer } from './citer.js';
import { describeSource, quote } from './describe-source.js';
import type { FoundAnswer } from './answer-question.js';
import { outletOf } from '../retrieve/article-key.js';
import { stemSet } from '../analyze/tokenize.js';
import { listWords } from './list-words.js';

export const ANSWER_TITLES: Record<AnswerLabel, string> = {
  answered: 'Answered by the reporting',
  'not-answered': 'Not answered by these sources',
};

/** How the answer's first sentence opens, per kind of question. */
const LEADS: Record<AnswerType, string> = {
  person: 'The reporting names',
  name: 'The reporting names',
  number: 'The reporting gives',
  date: 'The reporting dates it to',
  place: 'The reporting places it in',
  event: 'What the reporting says happened:',
  reason: 'The reason the reporting gives:',
  cause: 'The reporting gives the cause as',
  account: 'What the reporting says:',
};

/** What a question that was not answered asked for, for "none of the … states …". */
const ASKED_FOR: Record<AnswerType, string> = {
  person: 'who',
  name: 'which',
  number: 'how many',
  date: 'when',
  place: 'where',
  event: 'what happened',
  reason: 'why',
  cause: 'what caused it',
  account: 'what the question asks',
};

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function outletsOf(items: Evidence[]): number {
  return new Set(items.map((item) => outletOf(item.article))).size;
}

/** The verdict block of a question: answered (with how far the sources agree) or not. */
export function answerVerdict(found: FoundAnswer, evidence: Evidence[]): Verdict<AnswerLabel> {
  if (found.parts.length === 0) {
    return {
      label: 'not-answered',
      title: ANSWER_TITLES['not-answered'],
      confidence: 0,
      reasons: [
        evidence.length === 0
          ? 'Nothing in the corpus addresses the question; that does not mean it has no answer, only that these sources do not give it.'
          : `${plural(evidence.length, 'evidence sentence')} bear on the question, but none states ${ASKED_FOR[found.asks]}; the question is open in these sources, not settled either way.`,
      ],
    };
  }
  const top = found.parts[0]!;
  return {
    label: 'answered',
    title: ANSWER_TITLES.answered,
    // How sure Verity is that the sentence stating the answer bears on the question.
    confidence: Math.max(...top.items.map((item) => item.relevance)),
    reasons: [
      `${plural(top.items.length, 'sentence')} from ${plural(top.outlets, 'outlet')} ${top.items.length === 1 ? 'states' : 'state'} the answer.`,
      ...(found.parts.length > 1
        ? [`The sources give ${found.parts.length} answers; the one most of them state comes first.`]
        : []),
      `The answer's share of every answer the evidence gives: ${Math.round(found.agreement * 100)}%.`,
    ],
  };
}

/** The report's `answer`, its executive summary and its bottom line, for an open question. */
/** Words that doubt what they speak of ("is skeptical", "some other cause", "no evidence"). */
const DOUBT =
  /\b(?:skeptic\w*|sceptic\w*|doubt\w*|not (?:so )?(?:sure|convinced)|question(?:s|ed)? whether|some other cause|another cause|no evidence|unlikely|disputed?)\b/i;

/** A sentence that doubts the answer: a doubting word and one of the answer's content words, not one stating it. */
function doubtAbout(value: string, pool: Evidence[], stating: Evidence[]): Evidence | null {
  const stems = [...stemSet(value)];
  if (stems.length === 0) return null;
  return (
    pool.find((item) => {
      if (stating.includes(item) || !DOUBT.test(item.sentence.text)) return false;
      const held = stemSet(item.sentence.text);
      return stems.some((value) => held.has(value));
    }) ?? null
  );
}

export function answerSummary(
  citer: Citer,
  reading: Extract<QuestionReading, { kind: 'question' }>,
  found: FoundAnswer,
  evidence: Evidence[],
  /** The names the question holds, for "add reporting on …". */
  names: string[],
  /** The nearest sentences, cited when no evidence was found (they are shown, never counted). */
  closest: Evidence[] = [],
  /** Every scored sentence of the evidence articles, where a doubt about the answer may be. */
  story: Evidence[] = [],
): { answer: NonNullable<Report['answer']>; summary: CitedSentence[]; bottomLine: CitedSentence[] } {
  if (found.parts.length === 0) {
    const text = evidence.length
      ? `These sources do not answer the question: ${evidence.length === 1 ? 'the one evidence sentence does not say' : `none of the ${evidence.length} evidence sentences says`} ${ASKED_FOR[reading.asks]}.`
      : 'Nothing in the corpus addresses the question; it is not answered by these sources, which does not mean it has no answer.';
    const grounds = evidence.length ? evidence.slice(0, 3) : closest;
    const sentence = citer.sentence(text, grounds);
    return {
      answer: { text, citations: sentence.citations, outlets: 0 },
      summary: [sentence],
      bottomLine: [
        citer.sentence(
          `${ANSWER_TITLES['not-answered']}: add reporting on ${names.length ? listWords(names) : 'this subject'} to the corpus and ask again.`,
          grounds,
        ),
      ],
    };
  }
  const sentenceAnswer = ['event', 'reason', 'account'].includes(reading.asks);
  const top = found.parts[0]!;
  const items = found.parts.flatMap((part) => part.items);
  const outlets = outletsOf(items);
  const text = sentenceAnswer
    ? `${LEADS[reading.asks]} ${quote(top.value)} (${plural(top.outlets, 'outlet')}).`
    : `${LEADS[reading.asks]} ${listWords(found.parts.map((part) => `${part.value} (${plural(part.outlets, 'outlet')})`))}.`;
  const first = citer.sentence(text, items);
  const summary = [first];
  if (!sentenceAnswer) {
    const best = top.items[0]!;
    summary.push(
      citer.sentence(`${describeSource(best.article)} writes: ${quote(best.sentence.text)}`, [best]),
    );
  }
  // A source that doubts the answer is said in the summary, not left for the reader to find.
  const doubt = doubtAbout(top.value, [...evidence, ...story], top.items);
  if (doubt)
    summary.push(
      citer.sentence(
        `Not every source agrees: ${describeSource(doubt.article)} writes: ${quote(doubt.sentence.text)}`,
        [doubt],
      ),
    );
  summary.push(
    citer.sentence(
      `Verity read ${plural(evidence.length, 'evidence sentence')} on the question, from ${plural(outletsOf(evidence), 'outlet')}.`,
      evidence,
    ),
  );
  return {
    answer: { text, citations: first.citations, outlets },
    summary,
    bottomLine: [citer.sentence(`${ANSWER_TITLES.answered}: ${text}`, items)],
  };
}
