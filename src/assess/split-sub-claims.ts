import { getFullNlp } from '../analyze/nlp.js';

/** Connectives that join an act to its purpose, cause or condition: "X did A to get B", "X did A in exchange for B". */
const CONNECTIVES =
  /\s+(in order to|so that|in exchange for|in return for|because|after|before|while|to)\s+/gi;

/**
 * Splits a claim into the parts a fact-check tests one by one: "Rubio turned over informants to
 * get access to prisons" → "Rubio turned over informants" and "… to get access to prisons". A
 * bare "to" only splits before a verb (a purpose clause), never inside "access to prisons".
 * Returns the claim alone when it has no such part.
 */
export function splitSubClaims(claim: string): string[] {
  const text = claim.replace(/[.?!]$/, '');
  const nlp = getFullNlp();
  for (const match of text.matchAll(CONNECTIVES)) {
    const head = text.slice(0, match.index).trim();
    const tail = text.slice(match.index! + match[0].length).trim();
    if (head.split(/\s+/).length < 3 || tail.split(/\s+/).length < 2) continue;
    if (match[1]!.toLowerCase() === 'to') {
      const firstPos = nlp.readDoc(`to ${tail}`).tokens().out(nlp.its.pos)[1];
      if (firstPos !== 'VERB') continue;
    }
    return [head, `${match[1]!.toLowerCase()} ${tail}`];
  }
  return [text];
}
