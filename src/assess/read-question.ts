/**
 * What kind of input a check was given: a claim (a statement, or a yes/no question that tests one)
 * or an open question ("Who …?", "How many …?", "What happened after …?"), and for a question what
 * kind of answer it asks for. A claim gets a verdict; a question gets an answer (compose/answer-question.ts).
 */

import { getFullNlp } from '../analyze/nlp.js';
import { isPersonNoun } from '../analyze/lexicon.js';

/** What an open question asks for. */
export type AnswerType =
  | 'person' // who, whom, whose
  | 'name' // which X: a named person, group, place or thing
  | 'number' // how many, how much, how old / long / far
  | 'date' // when, what year / date / day
  | 'place' // where
  | 'event' // what happened
  | 'reason' // why
  | 'cause' // what made / caused / killed X: who or what did it
  | 'account'; // what, how: what the reporting says

export type QuestionReading =
  | { kind: 'claim' }
  | {
      kind: 'question';
      asks: AnswerType;
      /** The question with its question words taken off: what it is about ("Rubio turn over to El Salvador"). */
      topic: string;
      /** For "how many X …": what is counted ("gang leaders"); a count of something else is a weaker answer. */
      counted?: string;
    };

/** Question openers, longest first; each with the answer type it asks for. */
const OPENERS: Array<[RegExp, AnswerType]> = [
  [/^what (has |had )?happen(ed|s)?\b( to| after| when| with| since| in)?/i, 'event'],
  [/^how (many|much|old|long|far|big|tall|high|large)\b/i, 'number'],
  [/^(what|which) (year|date|day|month|time)\b/i, 'date'],
  [/^(what|which) (number|share|percentage|amount|tally|count)\b/i, 'number'],
  [/^(who|whom|whose)\b/i, 'person'],
  [/^which\b/i, 'name'],
  [/^when\b/i, 'date'],
  [/^where\b/i, 'place'],
  [/^why\b/i, 'reason'],
  [/^what (made|caused|causes|cause|created|destroyed|killed|started|triggered|sparked)\b/i, 'cause'],
  [/^(what|how)\b/i, 'account'],
];

/** Auxiliaries right after the question word, which say nothing of the topic. */
const AUXILIARY =
  /^(?:(?:did|does|do|is|are|was|were|has|have|had|can|could|will|would|should|may|might|must)\s+)+/i;

/**
 * Without a question mark, a question word opens a question only when a question follows it
 * ("When did …", "Who voted …", "How many … were …", "Which journalist did …", "How old was …");
 * otherwise it opens a clause of a statement ("When CO2 was higher in the past, the sun was
 * cooler.", "Which means that …", "What he did was wrong.").
 */
const ASKS_WITHOUT_MARK =
  /^(?:(?:who|what|which|when|where|why|how)\s+(?:did|does|do|is|are|was|were|has|have|had|can|could|will|would|should)\b|who\s+\p{Ll}+(?:ed|s)\b|what\s+happened\b|how\s+(?:many|much)\s+[^,]*\b(?:did|does|do|is|are|was|were|has|have|had|can|will)\b|how\s+(?:old|long|far|big|tall|high|large)\s+(?:is|are|was|were)\b|which\s+\p{L}+(?:\s+\p{L}+)?\s+(?:did|does|do|is|are|was|were|has|have|had)\b|what\s+(?!(?:he|she|they|we|i|you|it|the|a|an|this|that|these|those|his|her|their|our|my|your|its)\s)\p{L}+\s+(?:did|does|do|has|have|had)\b)/iu;

/** A noun that asks for a number when a fragment names it ("vote count", "death toll"). */
const COUNT_NOUN = /\b(?:count|tally|toll|total|number of|how many)\b/i;

/**
 * A fragment with no verb that names a count — "House vote count on Epstein, 217 for GOP," — asks
 * for that count, as a search box query does; the number it gives is its premise, checked like any
 * other (check-premises.ts). With a verb ("The vote count was 7 to 2") it is a claim.
 */
function countFragment(text: string): QuestionReading | null {
  if (/^(?:who|whom|whose|what|which|when|where|why|how)\b/i.test(text) || !COUNT_NOUN.test(text))
    return null;
  const nlp = getFullNlp();
  const tags = nlp.readDoc(text).tokens().out(nlp.its.pos);
  if (tags.some((tag) => tag === 'VERB' || tag === 'AUX')) return null;
  const topic = text.replace(/[\s?.!,;:]+$/, '').trim();
  return topic ? { kind: 'question', asks: 'number', topic } : null;
}

/**
 * The noun a "which" or "what" question opens with, as the tagger reads it: "journalist" in
 * "journalist did isis behead", "Republicans" in "House Republicans voted against it"; none when a
 * verb or auxiliary comes first ("did ISIS release").
 */
function openingNoun(rest: string): string | undefined {
  const nlp = getFullNlp();
  const tokens = nlp.readDoc(rest).tokens();
  const values = tokens.out(nlp.its.value);
  const pos = tokens.out(nlp.its.pos);
  let head: string | undefined;
  for (let at = 0; at < values.length; at++) {
    if (pos[at] === 'NOUN' || pos[at] === 'PROPN') head = values[at];
    else if (pos[at] !== 'ADJ' && !(at === 0 && pos[at] === 'DET')) break;
  }
  return head;
}

/** "Which journalist …", "What politicians …": a question that names a kind of person asks who. */
function asksForPerson(asks: AnswerType, opener: string, rest: string): boolean {
  if (!(asks === 'name' || (asks === 'account' && /^what$/i.test(opener)))) return false;
  // "Which of the two journalists …" asks about the journalists.
  const noun = openingNoun(rest.replace(/^of\s+(?:the\s+|these\s+|those\s+)?(?:\w+\s+)?(?=\p{L})/iu, ''));
  return noun !== undefined && isPersonNoun(noun);
}

/**
 * Reads the question as typed. "Is it true that …", yes/no questions and statements are claims;
 * a question opened by a question word is an open question, ending in "?" or not ("Who voted
 * against it." asks as much as "Who voted against it?"). "WHO" in capitals is the organisation.
 */
export function readQuestion(question: string): QuestionReading {
  const text = question.trim().replace(/\s+/g, ' ');
  if (/^WHO\b/.test(text)) return { kind: 'claim' };
  const fragment = countFragment(text);
  if (fragment) return fragment;
  if (!/\?$/.test(text) && (!ASKS_WITHOUT_MARK.test(text) || /,/.test(text))) return { kind: 'claim' };
  for (const [opener, asks] of OPENERS) {
    const match = opener.exec(text);
    if (!match) continue;
    const rest = text.slice(match[0].length).trim();
    // "Which politicians voted …": the noun after "which" is part of the topic ("politicians").
    const topic = rest
      .replace(AUXILIARY, '')
      .replace(/[\s?.!,;:]+$/, '')
      .trim();
    if (topic.split(' ').filter(Boolean).length === 0) return { kind: 'claim' };
    // "How many gang leaders did …": the words before the auxiliary or verb are what is counted.
    const counted =
      asks === 'number' && /^how (many|much)/i.test(match[0])
        ? /^(.+?)\s+(?:did|does|do|is|are|was|were|has|have|had|can|could|will|would|voted|were)\b/i
            .exec(rest)?.[1]
            ?.trim()
        : undefined;
    const kind = asksForPerson(asks, match[0], rest) ? 'person' : asks;
    return { kind: 'question', asks: kind, topic, ...(counted ? { counted } : {}) };
  }
  return { kind: 'claim' };
}
