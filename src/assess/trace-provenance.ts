import type { Evidence } from '../types.js';

const NAME = String.raw`((?:the\s+)?\p{Lu}[\p{L}.&'-]*(?:\s+\p{Lu}[\p{L}.&'-]*){0,4})`;
/** "according to the Washington Post", "the Washington Post reported", "reported by Reuters", "told CNN". */
const ATTRIBUTIONS = [
  new RegExp(String.raw`\baccording to ${NAME}`, 'u'),
  new RegExp(String.raw`${NAME}\s+(?:first\s+)?reported\b`, 'u'),
  new RegExp(String.raw`\breported by ${NAME}`, 'u'),
  new RegExp(String.raw`\b(?:told|in an interview with|quoted by) ${NAME}`, 'u'),
];
/** Attributions to these are to people or offices, not to an outlet that could be an origin. */
const NOT_OUTLETS =
  /^(He|She|They|It|We|I|You|Officials?|Sources?|Police|The (report|newspaper|paper|agency|statement))$/i;

export interface Provenance {
  /** Article id → the origin it traces to (an outlet it cites, else its own outlet or title). */
  originOf: Map<string, string>;
  origins: string[];
  articleCount: number;
}

/** Names the outlet an evidence sentence attributes its content to, if any. */
export function citedOrigin(sentence: string): string | null {
  for (const pattern of ATTRIBUTIONS) {
    const name = pattern
      .exec(sentence)?.[1]
      ?.replace(/^the\s+/i, '')
      .trim();
    if (name && !NOT_OUTLETS.test(name) && name.split(/\s+/).length <= 5) return name;
  }
  return null;
}

/**
 * How many independent origins the evidence has: an article whose evidence, or a related sentence
 * of the same story, attributes it to an outlet ("the Washington Post reported") counts under that
 * outlet; the others count as themselves.
 */
export function traceProvenance(evidence: Evidence[], related: Evidence[] = []): Provenance {
  const originOf = new Map<string, string>();
  const articles = new Set(evidence.map((item) => item.article.id));
  // The attribution is often in another sentence of the story than the best evidence ("…, the
  // Washington Post reported on Sunday."), so the related sentences of the same articles count too.
  const attributing = [...evidence, ...related.filter((item) => articles.has(item.article.id))];
  for (const item of attributing) {
    const cited = citedOrigin(item.sentence.text);
    if (cited && !originOf.has(item.article.id)) originOf.set(item.article.id, cited);
  }
  for (const item of evidence) {
    if (!originOf.has(item.article.id))
      originOf.set(item.article.id, item.article.outlet ?? item.article.title ?? item.article.id);
  }
  const origins = [...new Set(originOf.values())].sort();
  return { originOf, origins, articleCount: originOf.size };
}
