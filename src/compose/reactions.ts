import type { Evidence } from '../types.js';

/** A sentence reports a reaction when someone is quoted or said, argued, rejected or defended something. */
const REACTION =
  /(“[^”]{12,}”|"[^"]{12,}")|\b(said|says|told|argued|argues|criticized|criticised|defended|rejected|remarked|warned|called|denied|praised|condemned|was quoted)\b/i;
/** …and names who: a capitalised name, or an office ("State Department", "spokesman"). */
const SPEAKER =
  /\b(\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+|spokes(man|woman|person)|department|ministry|officials?|minister|president|senator|lawyer|professor)\b/u;

/**
 * Reactions in the articles the evidence comes from: sentences of their retrieved passages that
 * quote or report what a named person or office said, not already used as evidence.
 */
export function findReactions(ranked: Evidence[], evidence: Evidence[], limit = 4): Evidence[] {
  const articles = new Set(evidence.map((item) => item.article.id));
  const used = new Set(evidence.map((item) => `${item.passage.id}#${item.sentence.ordinal}`));
  return ranked
    .filter(
      (item) => articles.has(item.article.id) && !used.has(`${item.passage.id}#${item.sentence.ordinal}`),
    )
    .filter((item) => REACTION.test(item.sentence.text) && SPEAKER.test(item.sentence.text))
    .slice(0, limit);
}
