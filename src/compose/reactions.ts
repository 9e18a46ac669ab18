import { attributeSentence } from '../assess/attribute-sentence.js';
import { citedOrigin } from '../assess/trace-provenance.js';
import type { Evidence } from '../types.js';
import { statesSomething } from './states-something.js';

/**
 * A sentence reports a reaction when someone is quoted or said, argued, rejected or defended
 * something ("the so-called Islamic State" calls nothing).
 */
const REACTION =
  /(“[^”]{12,}”|"[^"]{12,}")|\b(said|says|told|argued|argues|criticized|criticised|defended|rejected|remarked|warned|(?<!so-)called|denied|praised|condemned|was quoted)\b/i;
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
  return (
    ranked
      .filter(
        (item) => articles.has(item.article.id) && !used.has(`${item.passage.id}#${item.sentence.ordinal}`),
      )
      // A sentence crediting an outlet ("the Washington Post reported") is the reporting itself, not a reaction.
      .filter(
        (item) =>
          REACTION.test(item.sentence.text) &&
          SPEAKER.test(item.sentence.text) &&
          citedOrigin(item.sentence.text) === null &&
          statesSomething(item.sentence.text),
      )
      .slice(0, limit)
  );
}

/** Cues of criticism and of defence in reported reactions (general English, no names). */
const CRITICAL =
  /\b(criticiz\w*|criticis\w*|betray\w*|undermin\w*|condemn\w*|warn\w*|risk(ed|s)?|damag\w*|endanger\w*|outrage\w*|slam\w*|denounc\w*)\b/i;
const DEFENDING =
  /\b(defend\w*|rejected (the )?criticism|praised|welcomed|success\w*|safer|speak for themselves|justif\w*|necessary|lawful)\b/i;

/**
 * Competing perspectives: reactions that criticise and reactions that defend, from the retrieved
 * sentences of the evidence articles. Empty unless both sides are present.
 */
export function competingPerspectives(
  ranked: Evidence[],
  evidence: Evidence[],
  perSide = 2,
): { critics: Evidence[]; defenders: Evidence[] } {
  const pool = findReactions(ranked, evidence, Number.POSITIVE_INFINITY);
  const critics = pool
    .filter((item) => CRITICAL.test(item.sentence.text) && !DEFENDING.test(item.sentence.text))
    .slice(0, perSide);
  const defenders = pool.filter((item) => DEFENDING.test(item.sentence.text)).slice(0, perSide);
  return critics.length > 0 && defenders.length > 0 ? { critics, defenders } : { critics: [], defenders: [] };
}

/**
 * The people and bodies the sentences quote or paraphrase by name, in order, each once; a body
 * with its article ("the Seismic Institute"), an acronym without ("NASA").
 */
export function namedSpeakers(items: Evidence[]): string[] {
  return [
    ...new Set(
      items.flatMap((item) => {
        const { kind, who } = attributeSentence(item.sentence.text);
        if (!who || (kind !== 'person' && kind !== 'organisation')) return [];
        return kind === 'organisation' && !/^(?:[Tt]he\s|\p{Lu}{2,}\b)/u.test(who) ? [`the ${who}`] : [who];
      }),
    ),
  ];
}
