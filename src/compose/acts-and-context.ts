import { promiseCue } from '../assess/detect-modality.js';
import type { CitedSentence, Evidence, ReportSection } from '../types.js';
import type { Citer } from './citer.js';
import { describeSource, quote } from './describe-source.js';
import { insideQuotation } from '../assess/restates-claim.js';
import { opensWithCondition } from '../assess/detect-modality.js';

/** A completed act in the article's own voice: a past or passive-past verb ("was returned", "handed"). */
export const PAST_ACT = /\b(was|were|has been|have been|had been)\s+\p{L}+(ed|en|t)\b|\b\p{L}{3,}ed\b/iu;
/** A time anchor ("two days after", "on Monday", "in March", "last year"): acts happen at a time. */
const WHEN =
  /\b((\w+ )?(days?|weeks?|months?|years?|hours?) (after|later|before|earlier|ago)|(on|last|this|next) (monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year)|yesterday|(in|on|since|by) (january|february|march|april|may|june|july|august|september|october|november|december)|(in|since|by) \d{4})\b/i;
/**
 * Quoted speech is someone's words, not the article's own statement of an act: the sentence holds
 * a quotation mark, or sits inside a quotation that the passage opened before it.
 */
export function isQuoted(item: Evidence): boolean {
  return /[“”"]/.test(item.sentence.text) || insideQuotation(item.sentence.text, item.passage.text);
}
/** What an act or decision led to, risks or would bring about. */
const CONSEQUENCE =
  /\b(risk\w*|undermin\w*|consequenc\w*|impact\w*|as a result|result(ed|s)? in|led to|lead to|threaten\w*|endanger\w*|jeopardi\w*|would (hand|mean|require|allow|give|end)|gave \w+( \w+)? access|central role|in exchange)\b/i;
/** What frames it: timing, motive, history, the wider plan. */
const CONTEXT =
  /\b(days (before|after)|weeks (before|after)|months (before|after)|amid|was seen as|part of|historic\w*|plan to|in recent|since \d{4}|first time)\b/i;

/**
 * Least share of the claim's weight for a sentence of an evidence article to count as part of the
 * same story. Lower than the evidence gate: the article is already known to be about the claim.
 */
const SAME_STORY_COVERAGE = 0.15;

function key(item: Evidence): string {
  return `${item.passage.id}#${item.sentence.ordinal}`;
}

/** Sentences of the evidence articles that share enough of the claim to be about it (not yet used). */
export function sameStorySentences(ranked: Evidence[], evidence: Evidence[], used: Evidence[] = evidence) {
  const articles = new Set(evidence.map((item) => item.article.id));
  const taken = new Set(used.map(key));
  return ranked.filter(
    (item) => articles.has(item.article.id) && !taken.has(key(item)) && item.coverage >= SAME_STORY_COVERAGE,
  );
}

/**
 * Promises and acts kept apart: what the evidence reports as promised, pledged or planned, and
 * what the same articles state as done, in their own voice. A promise reported by one outlet is
 * not an act; an act is one only when the article asserts it in its own voice (not attributed,
 * quoted, hedged or denied), in the past, and says when it happened.
 */
export function promisesAndActs(
  ranked: Evidence[],
  evidence: Evidence[],
): { promises: Evidence[]; acts: Evidence[] } {
  // "If …, it would …" is a condition, not a promise.
  const promises = evidence
    .filter((item) => item.modality === 'promised' && !opensWithCondition(item.sentence.text))
    .slice(0, 2);
  if (promises.length === 0) return { promises: [], acts: [] };
  const acts = [...evidence, ...sameStorySentences(ranked, evidence, evidence)]
    .filter(
      (item) =>
        item.modality === 'asserted' &&
        !item.negated &&
        !isQuoted(item) &&
        PAST_ACT.test(item.sentence.text) &&
        WHEN.test(item.sentence.text),
    )
    .slice(0, 2);
  return { promises, acts };
}

export function promisedAndDone(
  citer: Citer,
  found: { promises: Evidence[]; acts: Evidence[] },
): ReportSection | null {
  const { promises, acts } = found;
  if (promises.length === 0) return null;
  const sentences: CitedSentence[] = [
    ...promises.map((item) =>
      citer.sentence(
        `Promised or planned${promiseCue(item.sentence.text) ? ` (“${promiseCue(item.sentence.text)}”)` : ''}, in ${describeSource(item.article)}: ${quote(item.sentence.text)}`,
        [item],
      ),
    ),
    ...acts.map((item) =>
      citer.sentence(`Reported as done, in ${describeSource(item.article)}: ${quote(item.sentence.text)}`, [
        item,
      ]),
    ),
  ];
  sentences.push(
    acts.length === 0
      ? citer.sentence(
          'None of the cited reporting states in its own voice that the promise was carried out.',
          promises,
        )
      : citer.sentence(
          `The cited reporting states ${acts.length === 1 ? 'one act' : `${acts.length} acts`} as done; the rest rests on what was promised.`,
          [...acts, ...promises],
        ),
  );
  return { title: 'What was promised, and what was done', sentences };
}

/** What the story led to or risks, and what frames it, from the evidence articles (not yet used). */
export function consequencesAndContext(
  citer: Citer,
  ranked: Evidence[],
  evidence: Evidence[],
  used: Evidence[],
  limit = 4,
): ReportSection | null {
  const found = sameStorySentences(ranked, evidence, used)
    .filter((item) => CONSEQUENCE.test(item.sentence.text) || CONTEXT.test(item.sentence.text))
    .slice(0, limit);
  if (found.length === 0) return null;
  return {
    title: 'Consequences and context',
    sentences: found.map((item) =>
      citer.sentence(
        `${CONSEQUENCE.test(item.sentence.text) ? 'On the consequences' : 'For context'}, ${describeSource(item.article)}: ${quote(item.sentence.text)}`,
        [item],
      ),
    ),
  };
}
