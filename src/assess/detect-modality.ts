import type { Modality } from '../types.js';
import { NEGATION } from '../analyze/negation.js';

// Cue lists for how a sentence holds what it says. Checked in this order; the first that matches wins.
// "Rejected criticism" or "dismissed concerns" defends what was done; it denies nothing.
const DENIED =
  /\b(den(y|ies|ied)|rejected(?! (the |all )?(criticism|criticisms|concerns|calls|complaints))|refuted|dismissed(?! (the |all )?(criticism|criticisms|concerns|complaints))|debunked|no evidence|false(ly)?|hoax|fake)\b/i;
// "plans to" is a promise where "plan" is the verb; "Trump’s plan to …", "the plan to …" name a
// plan inside a sentence that may state an act ("The agreement gave … access to a prison set to play
// a central role in Trump’s plan to …").
const PROMISED =
  /\b(promis(e|ed|es)|pledg(e|ed|es)|vow(ed|s)?|assur(e|ed|es)|agreed to|(?<!(?:['’]s|\bthe|\ba|\bhis|\bher|\btheir|\bits|\bour|\bits)\s)plans? to|planned to|intends? to|would|will)\b/i;
/**
 * A sentence opened by a condition states what would follow, not what was done or promised ("If
 * the students are in those pits, it would be …"). The report's sections read it; the modality
 * stays as the fitted article-stance model was fitted on.
 */
const CONDITIONAL = /^\W*(?:if|unless|even if)\b/i;
const SPECULATIVE =
  /\b(may|might|could|possibly|perhaps|rumou?r(s|ed)?|unconfirmed|speculat\w*|appears? to|seem(s|ed)?)\b/i;
const REPORTED =
  /\b(reported(ly)?|according to|sa(id|ys)|told|claim(s|ed)?|alleg(ed|edly|es|ation)|sources?|officials|cited|quoted|reports?)\b/i;

/** The words that make a sentence a promise or plan ("assured", "would"), or null. */
export function promiseCue(sentence: string): string | null {
  return PROMISED.exec(sentence)?.[0] ?? null;
}

/** How a sentence holds its content: asserted, reported, denied, promised or speculative. */
export function detectModality(sentence: string): Modality {
  if (DENIED.test(sentence)) return 'denied';
  if (PROMISED.test(sentence)) return 'promised';
  if (SPECULATIVE.test(sentence)) return 'speculative';
  if (REPORTED.test(sentence)) return 'reported';
  return 'asserted';
}

/** Whether a sentence opens with a condition ("If …", "Unless …"): what it states has not happened. */
export function opensWithCondition(sentence: string): boolean {
  return CONDITIONAL.test(sentence);
}

export function isNegated(sentence: string): boolean {
  return NEGATION.test(sentence);
}
