/** A negation word or "n't" (the claim and modality cues). */
export const NEGATION = /\b(not|no|never|none|neither|nor|without)\b|n['’]t\b/i;

/** The same, with "cannot", global: for counting a sentence's negations (a feature of the fitted models). */
export const NEGATION_COUNTED = /\b(not|no|never|none|neither|nor|without|cannot)\b|n['’]t\b/gi;

/** Verbs and words that deny what follows them without a "not" (one list for both readings below). */
const DENYING_VERBS =
  'refus\\w*|fail(s|ed|ing|ure)?|unable|incapable|lack(s|ed|ing)?|den(y|ies|ied|ying)|reject\\w*|avoid\\w*|ceas\\w*|absent|stopp?(ed|ing)?';

/** In running text, global: the denying verbs, and "declined to". */
export const IMPLICIT_NEGATION = new RegExp(`\\b(${DENYING_VERBS}|declin(e|es|ed)\\s+to)\\b`, 'gi');

/** One word token that denies what follows it: "not", "never", "n't" … or a denying verb ("refused", "denies"). */
const DENYING_WORD = new RegExp(`^(not|no|never|none|neither|nor|without|cannot|\\w+n't|${DENYING_VERBS})$`);
/** "declined to …" denies; "declined 3%" does not. */
const DECLINED = /^declin(e|es|ed|ing)$/;

/**
 * How many words after a denying word it can still deny: "did not, as some reported, behead" still
 * denies "behead". A clause-sized window, set by reading, not fitted (docs/method.md, stance).
 */
export const DENIAL_SCOPE_WORDS = 6;

/**
 * How many of a text's denials reach one of the words `inScope` accepts (a claim's terms): a
 * denial counts only when such a word follows it within DENIAL_SCOPE_WORDS words. A sentence about
 * the story that denies something else ("unless Obama ceases the attacks") does not deny the claim.
 * `tokens` are the text's lower-cased word tokens in order (tokenize.ts).
 */
export function scopedDenials(tokens: readonly string[], inScope: (token: string) => boolean): number {
  let count = 0;
  tokens.forEach((token, index) => {
    const denying = DENYING_WORD.test(token) || (DECLINED.test(token) && tokens[index + 1] === 'to');
    if (!denying) return;
    const scope = tokens.slice(index + 1, index + 1 + DENIAL_SCOPE_WORDS);
    if (scope.some(inScope)) count++;
  });
  return count;
}
