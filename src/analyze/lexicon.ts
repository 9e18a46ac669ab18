import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../config.js';

/** Verb synonyms and antonyms from WordNet 3.1, compiled by `npm run build` (scripts/build-lexicon.ts). */
export interface Lexicon {
  verbSynonyms: Record<string, string[]>;
  antonyms: Record<string, string[]>;
  /** Single words WordNet lists in lower case (not names). */
  commonWords: string[];
  /** Acronyms and the names they stand for (analyze/term-variants.ts). */
  acronyms: {
    /** Upper-case acronym without dots ("DOJ", "US") → canonical term ("doj", "usa"). */
    forms: Record<string, string>;
    /** Lower-case name ("justice department") → canonical term. */
    phrases: Record<string, string>;
    /** Canonical term → every lower-case form a passage may write it in ("doj", "justice department", "u s"). */
    surfaces: Record<string, string[]>;
  };
  /** Lower-case nouns whose most frequent sense is a kind of person or people ("journalist", "Republican"). */
  personNouns: string[];
  /** Lower-case names whose most frequent sense is a place ("iraq", "washington"). */
  placeNames: string[];
  /** Lower-case nouns one of whose first three senses is a group ("state", "house", "department"). */
  groupNouns: string[];
  /** Lower-case forms of single capitalised adjectives ("islamic", "kurdish"). */
  properAdjectives: string[];
}

/** The lexicon's word lists that are read as sets, each built once, when first asked. */
type WordList = 'commonWords' | 'personNouns' | 'placeNames' | 'groupNouns' | 'properAdjectives';
const sets = new Map<WordList, Set<string>>();

function wordSet(list: WordList): Set<string> {
  let set = sets.get(list);
  if (!set) sets.set(list, (set = new Set(getLexicon()[list])));
  return set;
}

/** Is this (lower-cased) word a common word rather than a name? */
export function isCommonWord(word: string): boolean {
  return wordSet('commonWords').has(word.toLowerCase());
}

/** The base forms an English plural may have ("politicians", "churches", "congressmen", "parties"). */
function singulars(word: string): string[] {
  const lower = word.toLowerCase();
  return [
    lower,
    lower.replace(/men$/, 'man'),
    lower.replace(/ies$/, 'y'),
    lower.replace(/(s|x|z|ch|sh)es$/, '$1'),
    lower.replace(/s$/, ''),
  ];
}

/** Does this noun (singular or plural) name a kind of person ("journalist", "Republicans", "people")? */
export function isPersonNoun(word: string): boolean {
  const people = wordSet('personNouns');
  return singulars(word).some((form) => people.has(form));
}

/** Is this name, as WordNet knows it, first of all a place ("Iraq", "Washington")? */
export function isPlaceName(name: string): boolean {
  return wordSet('placeNames').has(name.toLowerCase());
}

/** Can this noun name a group ("State" of "Islamic State", "House", "Department")? */
export function isGroupNoun(word: string): boolean {
  return wordSet('groupNouns').has(word.toLowerCase());
}

/** A common word in the plural too ("Militants" opening a sentence names no one). */
export function isCommonWordForm(word: string): boolean {
  return singulars(word).some((form) => form.length > 1 && isCommonWord(form));
}

/** Is this single word a capitalised adjective ("Islamic", "Kurdish"), not a name? */
export function isProperAdjective(word: string): boolean {
  return wordSet('properAdjectives').has(word.toLowerCase());
}

let lexicon: Lexicon | undefined;

export function getLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const file = path.join(packageRoot(), 'dist', 'lexicon.json');
  if (!fs.existsSync(file)) {
    throw new Error(`The WordNet lexicon is missing at ${file}; run \`npm run build\` to compile it.`);
  }
  lexicon = JSON.parse(fs.readFileSync(file, 'utf8')) as Lexicon;
  return lexicon;
}
