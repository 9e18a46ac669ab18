/**
 * The answer to an open question, from the evidence a check found: the names, number, date or
 * place the question asks for (or, for "what happened" and "why", the sentence that states it),
 * each with the evidence that states it and how many outlets do. Values are weighed by the
 * relevance of the sentences that hold them and by how many outlets state them, so that what
 * most of the reporting says comes first; nothing is given that no evidence sentence holds.
 */
import { outletOf } from '../retrieve/article-key.js';
import { StatementClusters } from '../assess/cluster-statements.js';
import type { AnswerType } from '../assess/read-question.js';
import type { Evidence } from '../types.js';
import { NAME_RUN, isNameCandidate, withoutArticle } from './names-in-evidence.js';
import { PAST_ACT } from './acts-and-context.js';
import { stem } from '../analyze/tokenize.js';
import { isCommonWordForm, isGroupNoun, isPersonNoun, isPlaceName } from '../analyze/lexicon.js';
import { getFullNlp } from '../analyze/nlp.js';

export interface AnswerPart {
  /** What the evidence states: a name, a number with what it counts, a date, or a whole sentence. */
  value: string;
  /** The evidence sentences that state it, best first. */
  items: Evidence[];
  /** Distinct outlets among them (by outlet name, else web site, else article). */
  outlets: number;
}

export interface FoundAnswer {
  asks: AnswerType;
  /** Best first; empty when no evidence sentence holds an answer of the kind asked. */
  parts: AnswerPart[];
  /** The top part's weight over all parts' weight: how far the sources agree on it (0..1). */
  agreement: number;
}

/** Parts kept beside the best one: those with at least this share of its weight. */
const KEPT_SHARE = 0.5;
/** How much more an answer weighs when it holds what the reporting gives in place of a false premise. */
const PREFERRED_WEIGHT = 2;

function holdsAny(sentence: string, values: string[]): boolean {
  const words = new Set(wordsOf(sentence));
  return values.some((value) => wordsOf(value).every((word) => words.has(word)));
}

/** The kinds of question a whole sentence answers. */
const SENTENCE_ANSWERS = new Set<AnswerType>(['event', 'reason', 'account']);
const MAX_PARTS = 3;

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.';
/** "October 22", "22 October 2025", "two days after the call", "on Tuesday", "in March", "in 2024". */
const DATE = new RegExp(
  String.raw`\b(?:(?:\w+|a|an)\s+(?:hours?|days?|weeks?|months?|years?)\s+(?:after|before)\s+(?:the\s+)?[\p{L}\d-]+(?:\s+[\p{L}\d-]+){0,3}|(?:${MONTHS})\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+(?:${MONTHS})(?:\s+\d{4})?|(?:on|last|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|in\s+(?:${MONTHS})(?:\s+\d{4})?|in\s+(?:19|20)\d{2})\b`,
  'gu',
);
const REPORTING_VERB = /\b(reported|said|says|announced|told|wrote|added|confirmed)\s*$/i;
/** A place: a name after "in", "at", "to", "from" or "near". */
const PLACE =
  /\b(?:in|at|to|from|near|inside|outside)\s+((?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+(?:of\s+|de\s+)?\p{Lu}[\p{L}'’-]*)*)/gu;
const YEAR_ONLY = /^(?:19|20)\d{2}$/;
/**
 * What names a cause: "made by a small meteorite", "caused by a gas leak", "blamed on …", "due to
 * …" — the noun phrase after it, up to five words, ending before a comma, a clause or a place.
 */
const CAUSE =
  /\b(?:(?:made|caused|created|destroyed|killed|started|triggered|sparked|left|set off)\s+by|blamed on|due to)\s+((?:(?:a|an|the)\s+)?(?:(?!(?:that|which|who|in|near|at|on|from|and|but|after|before|when|while)\b)[\p{L}\p{N}'’-]+\s*){1,5})/giu;

/** What gives a reason: "because", "in exchange", "to secure …". */
const REASON =
  /\b(because|due to|as a result|in order to|so that|in exchange|in return|to (get|secure|gain|win|avoid|obtain))\b/i;

const MONTH_NAME = new RegExp(`^(?:${MONTHS})$`, 'i');
/** Words that can belong to what a count counts ("nine MS-13 gang leaders"). */
const COUNTED_POS = new Set(['NOUN', 'PROPN', 'ADJ']);

/**
 * The counts a sentence states, each with what it counts, read with the part-of-speech tagger:
 * "Seven council members", "nine MS-13 gang leaders", "217 to 212" (a tally), "$ 2.5 million".
 * A number right after a month name is a date, not a count.
 */
function countsIn(sentence: string): string[] {
  const nlp = getFullNlp();
  const tokens = nlp.readDoc(sentence).tokens();
  const values = tokens.out(nlp.its.value);
  const pos = tokens.out(nlp.its.pos);
  const out: string[] = [];
  for (let at = 0; at < values.length; at++) {
    if (pos[at] !== 'NUM' || (at > 0 && MONTH_NAME.test(values[at - 1]!))) continue;
    const words = [at > 0 && pos[at - 1] === 'SYM' ? `${values[at - 1]}${values[at]}` : values[at]!];
    let next = at + 1;
    while (pos[next] === 'NUM') words.push(values[next++]!);
    // A tally: "217 to 212", "7-2".
    if (['to', '-', '–'].includes(values[next] ?? '') && pos[next + 1] === 'NUM') {
      words.push(values[next]!, values[next + 1]!);
      next += 2;
    }
    for (let counted = 0; counted < 4 && COUNTED_POS.has(pos[next] ?? ''); counted++)
      words.push(values[next++]!);
    out.push(words.join(' '));
    at = next - 1;
  }
  return out;
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? [];
}

/**
 * A name the question already holds ("Marco Rubio" when it asks about "Rubio"), or a form of one
 * ("El Salvadoran" when it names "El Salvador"): a word counts as the question's when it starts
 * with one of the question's words of four letters or more.
 */
function namedIn(value: string, asked: string[][]): boolean {
  const words = wordsOf(value);
  const held = (word: string, name: string[]) =>
    name.some((asked) => asked === word || (asked.length >= 4 && word.startsWith(asked)));
  return asked.some(
    (name) =>
      name.length > 0 &&
      (name.every((word) => words.includes(word)) || words.every((word) => held(word, name))),
  );
}

function valuesIn(
  asks: AnswerType,
  sentence: string,
  asked: string[][],
  questionWords: ReadonlySet<string>,
): string[] {
  // A value is the question's own when it is one of its names, or when every word of it is one of
  // the question's words: "ISIS" for "which journalist did isis behead", typed in lower case.
  const isAsked = (value: string) =>
    namedIn(value, asked) || wordsOf(value).every((word) => questionWords.has(word));
  // A count is the question's own when its number is ("How many of the 217 votes …").
  const askedNumbers = new Set(asked.flat().filter((word) => /^\d/.test(word)));
  switch (asks) {
    case 'person':
    case 'name':
      return (
        [...sentence.matchAll(NAME_RUN)]
          // One common word that only opens the sentence, or follows its dateline, names nothing
          // ("Days before …", "MOSUL (AP) Footage of …").
          .filter(
            (match) =>
              /\s/.test(match[0]) ||
              !isCommonWordForm(match[0]) ||
              !/^(?:|.*[)\]—–:]\s*)$/su.test(sentence.slice(0, match.index)),
          )
          // A run that opens a sentence may start with an article ("The London rapper …"); "Mr Foley" names Foley.
          .map((match) =>
            withoutArticle(match[0].replace(/['’]s$/, '')).replace(
              /^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.?\s+(?=\p{Lu})/u,
              '',
            ),
          )
          .filter((name) => isNameCandidate(name) && !isAsked(name))
      );
    case 'place':
      return [...sentence.matchAll(PLACE)]
        .map((match) => match[1]!.replace(/^the\s+/, ''))
        .filter((name) => isNameCandidate(name) && !isAsked(name));
    case 'number':
      return countsIn(sentence).filter(
        (value) => !YEAR_ONLY.test(value) && !askedNumbers.has(wordsOf(value)[0] ?? ''),
      );
    case 'date':
      return (
        [...sentence.matchAll(DATE)]
          // "…, the Post reported on Sunday": that dates the report, not what it reports.
          .filter((match) => !REPORTING_VERB.test(sentence.slice(0, match.index)))
          .map((match) => match[0].replace(/^(?:on|in|last|this)\s+/i, ''))
      );
    case 'event':
      return PAST_ACT.test(sentence) ? [sentence] : [];
    case 'reason':
      return REASON.test(sentence) ? [sentence] : [];
    case 'account':
      return [sentence];
    case 'cause':
      return [...sentence.matchAll(CAUSE)]
        .map((match) => match[1]!.trim())
        .filter((value) => value.replace(/^(?:a|an|the)\s+/i, '').length > 2 && !isAsked(value));
  }
}

/**
 * How well a value fits the kind of answer asked: a count of what was asked for fits (a count of
 * something else weighs a quarter). A person is most often named in full, so a one-word name (a
 * group, an acronym) weighs half; a name WordNet knows first as a place ("Iraq", "Syria") or one
 * that ends in a noun for a group ("Islamic State", "Justice Department") weighs a tenth, and one
 * written in capitals ("CBS TAMPA", a dateline) 0.3.
 * A name the evidence gives beside a noun for a person ("journalist James Foley", "Foley, a
 * journalist") is a person's whatever its words.
 */
function fit(asks: AnswerType, value: string, countedStems: Set<string>, items: Evidence[]): number {
  if (asks === 'number' && countedStems.size > 0)
    return wordsOf(value).some((word) => countedStems.has(stem(word))) ? 1 : 0.25;
  if (asks !== 'person') return 1;
  if (items.some((item) => namedAsPerson(item.sentence.text, value))) return 1;
  const words = value.split(/\s+/);
  // A place or a group ("Iraq", "Islamic State") is no person however many outlets name it.
  if (isPlaceName(value) || isGroupNoun(words[words.length - 1]!)) return 0.1;
  // News prose writes people's names in mixed case; capitals are a dateline or a credit ("CBS TAMPA").
  if (words.length > 1 && value === value.toUpperCase()) return 0.3;
  return words.length > 1 ? 1 : 0.5;
}

/** An age: a bare number of one to three digits ("31"), or one counted in years ("31 years", "31-year-old"); anything else a quarter. */
function ageFit(value: string): number {
  return /^\d{1,3}$/.test(value.trim()) || /\byears?\b|-year-old\b/i.test(value) ? 1 : 0.25;
}

/**
 * "journalist James Foley", "Foley, an American journalist,": the name stands right after a noun
 * for a person, or is followed by one after a comma. "the militant Islamic State" and "Islamic
 * State militants" do not count: a determiner before the noun, or no comma after the name, reads
 * as a modifier.
 */
function namedAsPerson(sentence: string, name: string): boolean {
  for (let at = sentence.indexOf(name); at >= 0; at = sentence.indexOf(name, at + 1)) {
    const before = /(?:^|[^\p{L}])(\p{L}+)\s+(\p{Ll}+)\s+$/u.exec(sentence.slice(Math.max(0, at - 40), at));
    if (before && !/^(?:the|a|an|this|that|its|their|his|her)$/i.test(before[1]!) && isPersonNoun(before[2]!))
      return true;
    const after = /^\s*,\s+(?:(?:a|an|the)\s+)?(?:\p{L}+\s+)?(\p{Ll}+)\b/u.exec(
      sentence.slice(at + name.length),
    );
    if (after && isPersonNoun(after[1]!)) return true;
  }
  return false;
}

/**
 * One person named in several forms is one answer: "James Foley" and "Foley" are forms of "James
 * Wright Foley" (the same last word, and the same first word where there are two). A shorter form
 * that fits more than one longer name ("Foley" beside "James Foley" and "Tom Foley") stays apart.
 * The answer is written in the longer form most sentences use.
 */
function mergeNameForms<T extends { value: string; items: Evidence[] }>(entries: T[]): T[] {
  const words = (value: string) => value.toLowerCase().split(/\s+/);
  const isFormOf = (short: string[], long: string[]) =>
    short.length < long.length &&
    short[short.length - 1] === long[long.length - 1] &&
    (short.length === 1 || short[0] === long[0]) &&
    short.every((word) => long.includes(word));
  // Longest first, so that a short form joins the fullest name.
  const byLength = [...entries].sort((a, b) => words(b.value).length - words(a.value).length);
  const merged = new Map<T, T>();
  for (const entry of byLength) {
    const form = words(entry.value);
    const fuller = byLength.filter((other) => other !== entry && isFormOf(form, words(other.value)));
    const heads = new Set(fuller.map((other) => merged.get(other) ?? other));
    if (heads.size !== 1) continue;
    const head = [...heads][0]!;
    merged.set(entry, head);
    const items = [...head.items, ...entry.items.filter((item) => !head.items.includes(item))];
    // The written form: the multi-word one stated by the most sentences.
    const value = form.length > 1 && entry.items.length > head.items.length ? entry.value : head.value;
    Object.assign(head, { value, items });
  }
  return entries.filter((entry) => !merged.has(entry));
}

/** The key two values share when they say the same ("nine gang leaders" and "nine MS-13 gang leaders" do not). */
function keyOf(asks: AnswerType, value: string): string {
  if (asks === 'number') return value.toLowerCase().replace(/,/g, '');
  // "a small meteorite" and "the small meteorite" name one cause.
  if (asks === 'cause') return value.toLowerCase().replace(/^(?:a|an|the)\s+/, '');
  return value.toLowerCase();
}

/**
 * Reads the answer out of the evidence (best first). `asked` are the names and numbers the question
 * itself holds: a value the question already names is not an answer to it.
 */
export function answerQuestion(
  asks: AnswerType,
  evidence: Evidence[],
  asked: string[],
  /** For "how many X": X; a count of something else weighs a quarter. */
  counted?: string,
  /** Values the reporting gives in place of a false premise: sentences that hold one weigh double. */
  preferred: string[] = [],
  /** The question's words, as typed: a value made only of them is not an answer to it. */
  question = '',
): FoundAnswer {
  const questionWords = new Set(wordsOf(question));
  const countedStems = new Set(wordsOf(counted ?? '').map(stem));
  // "How old …" asks for an age: a bare number ("Sotloff, 31,") or so many years, not "two weeks".
  const asksAge = /^\s*how\s+old\b/i.test(question);
  const byValue = new Map<string, { value: string; items: Evidence[]; weight: number }>();
  const askedWords = asked.map(wordsOf);
  // A sentence answer stated by several outlets in other words is one answer with all their outlets.
  const statements = SENTENCE_ANSWERS.has(asks) ? new StatementClusters() : null;
  for (const item of evidence) {
    if (item.restatesClaim || item.negated) continue;
    const seen = new Set<string>();
    for (const value of valuesIn(asks, item.sentence.text, askedWords, questionWords)) {
      const key = statements
        ? `statement ${statements.statements.indexOf(statements.add(item))}`
        : keyOf(asks, value);
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = byValue.get(key) ?? { value, items: [], weight: 0 };
      entry.items.push(item);
      byValue.set(key, entry);
    }
  }
  // Weight: the best sentence's relevance, plus half of it for each further outlet that states it.
  const entries =
    asks === 'person' || asks === 'name' ? mergeNameForms([...byValue.values()]) : [...byValue.values()];
  const weighed = entries.map((entry) => {
    const outlets = new Set(entry.items.map((item) => outletOf(item.article))).size;
    const best = Math.max(...entry.items.map((item) => item.relevance * item.coverage));
    // A sentence answer is shown in the wording that holds what the reporting gives instead of a false premise.
    const holding = statements
      ? entry.items.find((item) => holdsAny(item.sentence.text, preferred))
      : undefined;
    return {
      ...entry,
      ...(holding
        ? {
            value: holding.sentence.text,
            items: [holding, ...entry.items.filter((item) => item !== holding)],
          }
        : {}),
      outlets,
      weight:
        best *
        (1 + 0.5 * (outlets - 1)) *
        (asksAge ? ageFit(entry.value) : fit(asks, entry.value, countedStems, entry.items)) *
        (entry.items.some((item) => holdsAny(item.sentence.text, preferred)) ? PREFERRED_WEIGHT : 1),
    };
  });
  weighed.sort((a, b) => b.weight - a.weight || b.outlets - a.outlets || a.value.localeCompare(b.value));
  const total = weighed.reduce((sum, entry) => sum + entry.weight, 0);
  const top = weighed[0];
  // A sentence answer is one sentence: more would be a list of quotes, not an answer.
  const most = SENTENCE_ANSWERS.has(asks) ? 1 : MAX_PARTS;
  const parts = top
    ? weighed
        .filter((entry) => entry.weight >= KEPT_SHARE * top.weight)
        .slice(0, most)
        .map(({ value, items, outlets }) => ({ value, items, outlets }))
    : [];
  return { asks, parts, agreement: top && total > 0 ? top.weight / total : 0 };
}
