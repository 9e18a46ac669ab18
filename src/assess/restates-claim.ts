import { stemSet } from '../analyze/tokenize.js';
import { attributeSentence } from './attribute-sentence.js';
import { holdsName, type ClaimName } from './claim-profile.js';

const QUOTE_MARK = /[“”"]/;

/** Does the sentence sit inside a quotation that its passage opened before it? */
export function insideQuotation(sentence: string, passage: string): boolean {
  const at = passage.indexOf(sentence);
  if (at < 0) return false;
  const before = passage.slice(0, at);
  const curly = (before.match(/“/g) ?? []).length - (before.match(/”/g) ?? []).length;
  const straight = (before.match(/"/g) ?? []).length;
  return curly > 0 || straight % 2 === 1;
}

/**
 * The words of a sentence that stand in quotation marks: paired “…” or "…" spans, the part before
 * a closing mark that nothing opened (the quotation began in an earlier sentence) and the part
 * after an opening mark that nothing closes.
 */
export function quotedText(sentence: string): string {
  const spans: string[] = [];
  let open: number | null = null;
  let straightOpen = false;
  for (let index = 0; index < sentence.length; index++) {
    const char = sentence[index];
    const opens = char === '“' || (char === '"' && !straightOpen);
    const closes = char === '”' || (char === '"' && straightOpen);
    if (char === '"') straightOpen = !straightOpen;
    if (opens) open = index + 1;
    else if (closes) {
      spans.push(sentence.slice(open ?? 0, index));
      open = null;
    }
  }
  if (open !== null) spans.push(sentence.slice(open));
  return spans.join(' ');
}

/** Least share of the claim's weight a quotation must hold to restate the claim. */
const RESTATED_SHARE = 0.5;
/** …and least part of what the whole sentence holds of the claim (the rest may be "said the post"). */
const QUOTED_PART = 0.9;

/**
 * The sentence quotes the claim itself ("… reads the headline", “…,” said the post): its quotation
 * holds at least half of the claim's weight and nearly all of what the sentence holds of the claim,
 * and the one it quotes is not someone the claim names. Such a sentence reports that somebody made
 * the claim; it is not evidence that the claim is true. ("Pelosi said “…”" is evidence for "Pelosi
 * said …": the speaker is named in the claim.) `coverageOf` is the share of the claim's weight a
 * text holds; `sentenceCoverage` is the sentence's, already known to the caller.
 */
export function restatesClaim(
  sentence: string,
  passage: string,
  sentenceCoverage: number,
  coverageOf: (text: string) => number,
  claimNames: ClaimName[],
): boolean {
  // Most passages hold no quotation mark at all: nothing to look for.
  if (!QUOTE_MARK.test(passage) && !QUOTE_MARK.test(sentence)) return false;
  const quoted = insideQuotation(sentence, passage) ? sentence : quotedText(sentence);
  if (!quoted) return false;
  const inQuotes = coverageOf(quoted);
  if (inQuotes < RESTATED_SHARE || inQuotes < QUOTED_PART * sentenceCoverage) return false;
  const speaker = attributeSentence(sentence).who;
  if (!speaker) return true;
  const speakerStems = stemSet(speaker);
  return !claimNames.some((name) => holdsName(speakerStems, name));
}
