import { getLexicon } from './lexicon.js';
import { STOPWORDS } from './stopwords.js';

/**
 * One term however a person or a paper writes it, so that a claim and a passage meet on it:
 * - "U.S." and "US", "D.C." and "DC": dotted initials are the letters (one word);
 * - "MS13" and "MS-13": letters glued to a number are the hyphenated form;
 * - "DOJ", "Department of Justice" and "Justice Department": an acronym and the names WordNet
 *   lists for it are one canonical term ("doj"; build-lexicon.ts); an acronym of several senses
 *   stands for none of them;
 * - an upper-case acronym that is also a common short word ("US", "WHO") is kept as a term, as
 *   its letters hyphenated ("u-s"), where the text is not written in capitals throughout.
 */

const DOTTED_INITIALS = /(?<![\p{L}\p{N}.])((?:\p{Lu}\.){2,})(?!\p{L})/gu;
const LETTERS_THEN_NUMBER = /^(\p{L}+)(\d+)$/u;

/** "U.S." → "US" (the case is kept, for the acronym test that follows). */
export function joinDottedInitials(text: string): string {
  return text.includes('.')
    ? text.replace(DOTTED_INITIALS, (initials: string) => initials.replace(/\./g, ''))
    : text;
}

/** Text mostly in capitals ("BREAKING: US TROOPS …"), where an upper-case word is no acronym. */
export function shouted(text: string): boolean {
  let upper = 0;
  let lower = 0;
  for (const char of text) {
    if (char >= 'A' && char <= 'Z') upper++;
    else if (char >= 'a' && char <= 'z') lower++;
  }
  return upper > lower;
}

let phrasesByFirstWord: Map<string, Array<{ words: string[]; canonical: string }>> | undefined;

function phraseIndex() {
  if (phrasesByFirstWord) return phrasesByFirstWord;
  phrasesByFirstWord = new Map();
  for (const [phrase, canonical] of Object.entries(getLexicon().acronyms.phrases)) {
    const words = phrase.split(' ');
    const list = phrasesByFirstWord.get(words[0]!) ?? [];
    list.push({ words, canonical });
    phrasesByFirstWord.set(words[0]!, list);
  }
  // Longest names first, so that "department of justice" wins over a shorter name it starts with.
  for (const list of phrasesByFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return phrasesByFirstWord;
}

/** The canonical form of one token as written (case kept): acronyms and letters-with-numbers. */
export function canonicalToken(token: string, inShoutedText: boolean): string {
  const lower = token.toLowerCase();
  const glued = LETTERS_THEN_NUMBER.exec(lower);
  if (glued) return `${glued[1]}-${glued[2]}`;
  // Only an upper-case word of 2–6 letters in ordinary text can be an acronym.
  if (inShoutedText || token.length < 2 || token.length > 6 || !/^\p{Lu}+$/u.test(token)) return lower;
  const known = getLexicon().acronyms.forms[token];
  if (known) return known;
  return STOPWORDS.has(lower) ? lower.split('').join('-') : lower;
}

/** Replaces runs of lower-case tokens that spell a listed name ("justice department") by its canonical term. */
export function joinNames(tokens: string[]): string[] {
  const index = phraseIndex();
  const out: string[] = [];
  for (let at = 0; at < tokens.length; at++) {
    const match = index
      .get(tokens[at]!)
      ?.find(({ words }) => words.every((word, offset) => tokens[at + offset] === word));
    if (match) {
      out.push(match.canonical);
      at += match.words.length - 1;
    } else out.push(tokens[at]!);
  }
  return out;
}

/** Every form a passage may write a canonical term in, for the full-text query ("doj" → "justice department", …). */
export function surfaceForms(term: string): string[] {
  const surfaces = getLexicon().acronyms.surfaces[term] ?? [];
  const glued = /^(\p{L}+)-(\d+)$/u.exec(term);
  const initials = /^(\p{L})(?:-(\p{L}))+$/u.test(term)
    ? [term.replace(/-/g, ''), term.replace(/-/g, ' ')]
    : [];
  return [...new Set([term, ...surfaces, ...(glued ? [`${glued[1]}${glued[2]}`] : []), ...initials])].filter(
    (form) => !STOPWORDS.has(form),
  );
}
