import { getFullNlp } from '../analyze/nlp.js';
import { getLexicon } from '../analyze/lexicon.js';

let verbs: Set<string> | undefined;

/**
 * A headline's verb the tagger reads as a noun or an adjective ("ISIS beheads …", "… Kim fractured
 * both ankles"): a lower-case word in -s or -ed whose base WordNet lists as a verb.
 */
function inflectedVerb(word: string): boolean {
  if (!/^\p{Ll}+(?:s|ed)$/u.test(word)) return false;
  verbs ??= new Set(Object.keys(getLexicon().verbSynonyms));
  const bases = [
    word.replace(/s$/, ''),
    word.replace(/es$/, ''),
    word.replace(/ed$/, ''),
    word.replace(/d$/, ''),
  ];
  return bases.some((base) => base.length > 2 && verbs!.has(base));
}

/**
 * Whether a stored sentence states something a report can quote as what a source reports: two
 * words or more with a verb ("He resigned.", "ISIS beheads Steven Sotloff"). A photo caption or a
 * bare name the sentence splitter kept as a sentence ("Joan Rivers.", "Justin Bieber at amfAR's
 * 21st Cinema Against AIDS Gala.") says nothing on its own.
 */
export function statesSomething(sentence: string): boolean {
  const nlp = getFullNlp();
  const tokens = nlp.readDoc(sentence).tokens();
  const pos = tokens.out(nlp.its.pos);
  const values = tokens.out(nlp.its.value);
  const words = pos.filter((tag) => tag !== 'PUNCT' && tag !== 'SYM').length;
  return (
    words >= 2 &&
    pos.some(
      (tag, at) =>
        tag === 'VERB' || tag === 'AUX' || ((tag === 'NOUN' || tag === 'ADJ') && inflectedVerb(values[at]!)),
    )
  );
}
