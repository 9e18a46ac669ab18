import { articleKey } from '../retrieve/article-key.js';
import type { Evidence } from '../types.js';

const NAME = String.raw`((?:the\s+)?\p{Lu}[\p{L}.&'-]*(?:\s+\p{Lu}[\p{L}.&'-]*){0,4})`;
/** "according to the Washington Post", "the Washington Post reported", "reported by Reuters", "told CNN". */
const ATTRIBUTIONS = [
  new RegExp(String.raw`\b[Aa]ccording to ${NAME}`, 'u'),
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
  const articles = new Set(evidence.map((item) => articleKey(item.article)));
  // The attribution is often in another sentence of the story than the best evidence ("…, the
  // Washington Post reported on Sunday."), so the related sentences of the same articles count too.
  const citedIn = new Map<string, string>();
  for (const item of [...evidence, ...related.filter((item) => articles.has(articleKey(item.article)))]) {
    const cited = citedOrigin(item.sentence.text);
    const key = articleKey(item.article);
    if (cited && !citedIn.has(key)) citedIn.set(key, cited);
  }
  for (const { article } of evidence) {
    if (!originOf.has(article.id))
      originOf.set(
        article.id,
        citedIn.get(articleKey(article)) ?? article.outlet ?? article.title ?? article.url ?? article.id,
      );
  }
  const origins = [...new Set(originOf.values())].sort();
  return { originOf, origins, articleCount: originOf.size };
}
