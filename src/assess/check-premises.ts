/**
 * The premises a claim or question takes for granted — a number, a weekday, a date, a year — read
 * against the reporting. A premise that no sentence about the same thing holds, where those
 * sentences give another value, is a false premise, and the report says so plainly ("None of the
 * articles gives 41 (as the claim has it); the reporting gives 31, in 5 outlets") instead of only
 * "not found". "The same thing" is read from the premise's neighbours in the claim: the words that
 * follow a number ("41 year old" → year, old) or the words nearest a date ("released on Friday").
 */
import { MONTHS, monthIndex } from '../analyze/calendar.js';
import { STOPWORDS } from '../analyze/stopwords.js';
import { stem } from '../analyze/tokenize.js';
import { outletOf } from '../retrieve/article-key.js';
import type { Evidence } from '../types.js';

export type PremiseKind = 'number' | 'weekday' | 'date' | 'year';

export interface Premise {
  /** The value as the claim gives it, written one way ("41", "Friday", "October 22", "2013"). */
  value: string;
  kind: PremiseKind;
  /** Stems of the claim's words that say what the value is of. */
  anchors: string[];
}

export interface PremiseFinding {
  premise: Premise;
  /** The values the sentences on the same thing give instead, most outlets first. */
  reported: Array<{ value: string; items: Evidence[]; outlets: number }>;
}

const WEEKDAY = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/;
const MONTH_ABBREVIATION = /^(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)$/;
/** Number words a premise may give ("nine MS-13 leaders"); "one" is left out, as in "one of them". */
const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
/** Neighbour words that say nothing about what a value is of. */
const EMPTY_ANCHOR = new Set(['said', 'say', 'says', 'report', 'reported', 'according']);
/** How many words after a number its unit may come ("41 year old", "217 votes for"), and how many unit words must agree. */
export const UNIT_WINDOW = 3;
export const UNIT_WORDS = 2;
/** How many neighbour words anchor a date, and how many of them a sentence must hold. */
const DATE_ANCHORS = 3;
const DATE_ANCHORS_HELD = 2;
const MAX_REPORTED = 3;

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * Lower-cased words and numbers; hyphens split ("31-year-old" → 31, year, old) except in a name
 * with a number ("MS-13", "COVID-19"), which is one word and no amount.
 */
export function words(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}+-\d+|\d[\d,.]*\d|\d|\p{L}+/gu) ?? []).map((word) =>
    /^\d/.test(word) ? word.replace(/,/g, '') : word,
  );
}

function monthOf(word: string): string | null {
  if ((MONTHS as readonly string[]).includes(word) || MONTH_ABBREVIATION.test(word))
    return capitalise(MONTHS[monthIndex(word)]!);
  return null;
}

function numberOf(word: string): string | null {
  if (/^\d+(?:\.\d+)?$/.test(word)) return word;
  return word in NUMBER_WORDS ? String(NUMBER_WORDS[word]) : null;
}

export interface Value {
  value: string;
  kind: PremiseKind;
  /** Word positions it spans. */
  from: number;
  to: number;
}

/** The dated and counted values of a text, in order. */
export function valuesIn(tokens: string[]): Value[] {
  const out: Value[] = [];
  for (let at = 0; at < tokens.length; at++) {
    const word = tokens[at]!;
    const month = monthOf(word);
    const day = (candidate: string | undefined) =>
      candidate && /^\d{1,2}$/.test(candidate) && Number(candidate) >= 1 && Number(candidate) <= 31;
    if (month && day(tokens[at + 1])) {
      out.push({ value: `${month} ${Number(tokens[at + 1])}`, kind: 'date', from: at, to: at + 1 });
      at++;
    } else if (day(word) && tokens[at + 1] && monthOf(tokens[at + 1]!)) {
      out.push({ value: `${monthOf(tokens[at + 1]!)} ${Number(word)}`, kind: 'date', from: at, to: at + 1 });
      at++;
    } else if (WEEKDAY.test(word)) out.push({ value: capitalise(word), kind: 'weekday', from: at, to: at });
    else if (/^(?:19|20)\d{2}$/.test(word)) out.push({ value: word, kind: 'year', from: at, to: at });
    else if (numberOf(word) !== null) out.push({ value: numberOf(word)!, kind: 'number', from: at, to: at });
  }
  return out;
}

export const isAnchor = (word: string) =>
  !STOPWORDS.has(word) &&
  !EMPTY_ANCHOR.has(word) &&
  word.length > 1 &&
  !/^\d/.test(word) &&
  numberOf(word) === null;

/** The premises of a claim or question: each value with the words that say what it is of. */
export function readPremises(text: string): Premise[] {
  const tokens = words(text);
  return valuesIn(tokens).flatMap((value): Premise[] => {
    if (value.kind === 'number') {
      // What a number counts follows it ("41 year old", "43 missing students").
      const unit = tokens.slice(value.to + 1, value.to + 1 + UNIT_WINDOW).filter(isAnchor);
      return unit.length > 0
        ? [{ value: value.value, kind: 'number', anchors: unit.slice(0, UNIT_WORDS).map(stem) }]
        : [];
    }
    const near = tokens
      .map((word, index) => ({ word, distance: index < value.from ? value.from - index : index - value.to }))
      .filter((entry) => entry.distance > 0 && isAnchor(entry.word) && monthOf(entry.word) === null)
      .sort((a, b) => a.distance - b.distance)
      .slice(0, DATE_ANCHORS)
      .map((entry) => stem(entry.word));
    return near.length > 0 ? [{ value: value.value, kind: value.kind, anchors: near }] : [];
  });
}

/** The last word of each name the claim gives ("Steven Sotloff" → sotloff), stemmed; numbers are no names. */
export function nameStems(names: string[]): string[] {
  return names.flatMap((name) => {
    // A name's last word is capitalised ("41 year" names nothing).
    const last = name.match(/\p{L}[\p{L}'’-]*/gu)?.at(-1);
    // A date or a number is a value, not a name ("Friday", "Nine").
    const word = last?.toLowerCase() ?? '';
    const value = WEEKDAY.test(word) || monthOf(word) !== null || numberOf(word) !== null;
    return last && /^\p{Lu}/u.test(last) && !value ? [stem(word)] : [];
  });
}

/** The values of the premise's kind that a sentence gives on the premise's subject (and of one of the claim's names). */
function valuesOnSubject(premise: Premise, sentence: string, names: string[]): string[] {
  const tokens = words(sentence);
  const stems = tokens.map(stem);
  if (names.length > 0 && !names.some((name) => stems.includes(name))) return [];
  const values = valuesIn(tokens).filter((value) => value.kind === premise.kind);
  if (premise.kind === 'number')
    return values
      .filter((value) => {
        const unit = stems.slice(value.to + 1, value.to + 1 + UNIT_WINDOW);
        return premise.anchors.every((anchor) => unit.includes(anchor));
      })
      .map((value) => value.value);
  const held = premise.anchors.filter((anchor) => stems.includes(anchor)).length;
  return held >= Math.min(DATE_ANCHORS_HELD, premise.anchors.length)
    ? values.map((value) => value.value)
    : [];
}

/**
 * The premises the sentences read do not bear out: for each, the values they give instead. A
 * premise that a sentence on its subject holds, or that no sentence gives any value for, is not a
 * finding (not found is not false). A sentence is on the subject when it holds the premise's
 * neighbour words and, where the claim names anyone or anything, one of those names.
 */
export function checkPremises(text: string, sentences: Evidence[], names: string[] = []): PremiseFinding[] {
  const named = nameStems(names);
  return readPremises(text).flatMap((premise): PremiseFinding[] => {
    const byValue = new Map<string, Evidence[]>();
    for (const item of sentences)
      for (const value of new Set(valuesOnSubject(premise, item.sentence.text, named)))
        byValue.set(value, [...(byValue.get(value) ?? []), item]);
    if (byValue.size === 0 || byValue.has(premise.value)) return [];
    const reported = [...byValue.entries()]
      .map(([value, items]) => ({
        value,
        items,
        outlets: new Set(items.map((item) => outletOf(item.article))).size,
      }))
      .sort((a, b) => b.outlets - a.outlets || b.items.length - a.items.length)
      .slice(0, MAX_REPORTED);
    return [{ premise, reported }];
  });
}
