import { getFullNlp } from '../analyze/nlp.js';

/** Fewer words than this, with no verb the tagger sees, is a caption or a label ("Joan Rivers."). */
const MIN_WORDS = 4;

/**
 * Whether a stored sentence states something a report can quote as what a source reports: a verb
 * ("He resigned."), or at least four words (a headline whose verb the tagger reads as a noun:
 * "ISIS beheads Steven Sotloff"). A photo caption or a bare name ("Joan Rivers.", "Sotloff, 31.")
 * that the sentence splitter kept as a sentence says nothing on its own.
 */
export function statesSomething(sentence: string): boolean {
  const nlp = getFullNlp();
  const tokens = nlp.readDoc(sentence).tokens();
  const pos = tokens.out(nlp.its.pos);
  const words = pos.filter((tag) => tag !== 'PUNCT' && tag !== 'SYM').length;
  return words >= MIN_WORDS || (words >= 2 && pos.some((tag) => tag === 'VERB' || tag === 'AUX'));
}
