import { claimLexicalSets } from '../assess/predicate-synonyms.js';
import { surfaceForms } from '../analyze/term-variants.js';
import { contentTerms, stem, stemSet } from '../analyze/tokenize.js';
import type { Claim, Evidence } from '../types.js';

/**
 * Verbs that carry little meaning of their own ("to get access", "made a decision"): the word after
 * them says what the claim is about, so on their own they are no part of it that evidence can miss.
 */
const LIGHT_VERB =
  /^(get|gets|got|gotten|getting|make|makes|made|making|take|takes|took|taken|taking|give|gives|gave|given|giving|do|does|did|done|doing)$/;
/** The verb of "what happened (to X)": the question's form, not a part of it the evidence can miss. */
const QUESTION_VERB = /^(happen|happens|happened|happening|occur|occurs|occurred|occurring)$/;

/**
 * The claim's terms, as the claim writes them, that no evidence sentence holds in the claim's own
 * words nor, for a verb, in one of its WordNet synonyms ("turned over" said as "handed over" or
 * "return"): what the report lists as not covered. Retrieval already searches with those synonyms;
 * the report must not call a verb missing that the evidence states in other words. Light verbs
 * ("get", "make") are no part on their own.
 */
export function uncoveredTerms(claim: Claim, evidence: Evidence[]): string[] {
  const covered = new Set(evidence.flatMap((item) => item.matchedTerms));
  const missing = claim.terms.filter(
    (term) => !covered.has(term) && !LIGHT_VERB.test(term) && !QUESTION_VERB.test(term),
  );
  if (missing.length === 0) return missing;
  const { verbs, verbSynonyms } = claimLexicalSets(claim.text);
  const sentenceStems = evidence.map((item) => stemSet(item.sentence.text));
  const saidInOtherWords = (term: string) =>
    verbs.some(
      (verb, index) =>
        verb === term &&
        verbSynonyms[index]!.some((synonym) => {
          const parts = contentTerms(synonym).map(stem);
          return parts.length > 0 && sentenceStems.some((stems) => parts.every((part) => stems.has(part)));
        }),
    );
  // A person is named by surname once introduced ("Foley" for "James Foley"): a first or middle
  // name is covered where the evidence holds the last word of the name it belongs to.
  const namedBySurname = (term: string) =>
    claim.entities.some((entity) => {
      const words = contentTerms(entity);
      return words.length > 1 && words.slice(0, -1).includes(term) && covered.has(words.at(-1)!);
    });
  return missing
    .filter((term) => !saidInOtherWords(term) && !namedBySurname(term))
    .map((term) => asWritten(term, claim.text));
}

/**
 * A term as the claim writes it ("DOJ", not "doj"; "MS13" or "U.S." for the canonical "ms-13" and
 * "u-s"; "Justice Department" for "doj"), for the report to show.
 */
function asWritten(term: string, text: string): string {
  for (const form of [term, ...surfaceForms(term)]) {
    const found = standingAlone(writtenForm(form), text);
    if (found) return found.length > 2 && /^(?:\p{L}\.)+$/u.test(found) ? found : found.replace(/\.$/, '');
  }
  return term;
}

/** The pattern of a form however it is written; compiled once (a check asks for the same forms many times). */
function writtenForm(form: string): RegExp {
  let compiled = writtenForms.get(form);
  if (!compiled) {
    // Letters of a short form may be written with dots, hyphens or nothing between them.
    const pattern = /\s/.test(form)
      ? form.split(/\s+/).map(escapeRegExp).join('\\s+')
      : [...form.replace(/-/g, '')].map(escapeRegExp).join('[.\\-]?');
    compiled = new RegExp(`${pattern}\\.?`, 'giu');
    if (writtenForms.size >= 10_000) writtenForms.clear();
    writtenForms.set(form, compiled);
  }
  return compiled;
}

const writtenForms = new Map<string, RegExp>();

/**
 * The first match of a form that is a whole word (no letter or digit just before or after it).
 * The boundaries are tested by hand: a pattern with Unicode letter classes around it runs in V8's
 * regexp interpreter until it has run many times, and each form runs only a few times a check.
 */
function standingAlone(form: RegExp, text: string): string | undefined {
  form.lastIndex = 0;
  for (let match = form.exec(text); match; match = form.exec(text)) {
    const start = match.index;
    const found = match[0];
    if (!WORD_CHAR.test(charBefore(text, start))) {
      if (!WORD_CHAR.test(charAt(text, start + found.length))) return found;
      // "U.S.A": the form's optional full stop is given back when a letter follows it.
      if (found.endsWith('.') && found.length > 1) return found.slice(0, -1);
    }
    form.lastIndex = start + 1;
  }
  return undefined;
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** The character (a whole code point) just before index `at`, or '' at the start. */
function charBefore(text: string, at: number): string {
  if (at <= 0) return '';
  const low = text.charCodeAt(at - 1);
  return at >= 2 && low >= 0xdc00 && low <= 0xdfff ? text.slice(at - 2, at) : text.slice(at - 1, at);
}

/** The character (a whole code point) at index `at`, or '' at the end. */
function charAt(text: string, at: number): string {
  const code = text.codePointAt(at);
  return code === undefined ? '' : String.fromCodePoint(code);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
