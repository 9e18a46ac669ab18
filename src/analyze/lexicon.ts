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
}

let common: Set<string> | undefined;

/** Is this (lower-cased) word a common word rather than a name? */
export function isCommonWord(word: string): boolean {
  common ??= new Set(getLexicon().commonWords);
  return common.has(word.toLowerCase());
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
