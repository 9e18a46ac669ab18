import { getLexicon } from '../analyze/lexicon.js';
import { getFullNlp } from '../analyze/nlp.js';

/**
 * For each verb of a claim, its WordNet synonyms, phrasal ones included ("turn over" → "hand
 * over", "deliver", "return"); a verb followed by its particle is looked up as the phrasal verb too.
 * Also the lemmas of the claim's verbs and adjectives, for looking up their antonyms.
 */
export function claimLexicalSets(text: string): LexicalSets {
  // Retrieval and the claim profile both ask for the same claim within one check.
  const known = recent.get(text);
  if (known) return known;
  const sets = readLexicalSets(text);
  if (recent.size >= RECENT_CLAIMS) recent.clear();
  recent.set(text, sets);
  return sets;
}

interface LexicalSets {
  verbSynonyms: string[][];
  /** The claim's words for those verbs as it writes them, lower-cased ("turned"), one per synonym list. */
  verbs: string[];
  lemmas: string[];
}

const RECENT_CLAIMS = 256;
const recent = new Map<string, LexicalSets>();

function readLexicalSets(text: string): LexicalSets {
  const nlp = getFullNlp();
  const tokens = nlp.readDoc(text).tokens();
  const pos = tokens.out(nlp.its.pos);
  const lemmas = tokens.out(nlp.its.lemma as unknown as typeof nlp.its.value);
  const values = tokens.out(nlp.its.value);
  const lexicon = getLexicon();
  const verbSynonyms: string[][] = [];
  const verbs: string[] = [];
  const opposable: string[] = [];
  pos.forEach((tag, index) => {
    const lemma = (lemmas[index] ?? values[index] ?? '').toLowerCase();
    if (tag === 'VERB') {
      const particle =
        pos[index + 1] === 'ADP' || pos[index + 1] === 'PART' ? values[index + 1]?.toLowerCase() : undefined;
      const synonyms = [
        ...(particle ? (lexicon.verbSynonyms[`${lemma} ${particle}`] ?? []) : []),
        ...(lexicon.verbSynonyms[lemma] ?? []),
      ];
      if (synonyms.length > 0) {
        verbSynonyms.push([...new Set(synonyms)]);
        verbs.push((values[index] ?? lemma).toLowerCase());
      }
    }
    if (tag === 'VERB' || tag === 'ADJ') opposable.push(lemma);
  });
  return { verbSynonyms, verbs, lemmas: opposable };
}
