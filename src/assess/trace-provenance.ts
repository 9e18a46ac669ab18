import { DEMONYM } from '../analyze/demonyms.js';
import { articleKey } from '../retrieve/article-key.js';
import type { ArticleInfo, Evidence } from '../types.js';
import { containment, shingles } from './shared-text.js';

/**
 * Least share of an article's five-word runs that another article must hold for the two to be
 * one account (a copy, a repost, a rewrite that keeps the original's paragraphs).
 */
export const COPY_CONTAINMENT = 0.5;
/** Articles shorter than this (in five-word runs, about a paragraph) are not compared as copies. */
const MIN_SHINGLES_TO_COMPARE = 40;

// A name may hold a channel number ("Channel 2", "Channel 4 News").
const NAME = String.raw`((?:the\s+)?\p{Lu}[\p{L}.&'-]*(?:\s+(?:\p{Lu}[\p{L}.&'-]*|\d{1,2}\b)){0,4})`;
/** "according to the Washington Post", "the Washington Post reported", "reported by Reuters", "told CNN". */
const ATTRIBUTIONS = [
  // A wire credit in the dateline: "WASHINGTON (AP) —", "(Reuters)".
  /\((AP|Reuters|AFP|Anadolu(?: Agency)?|UPI|dpa|Bloomberg)\)/u,
  // The origin's reporter interviewed elsewhere, speaking (before "told X", which names the
  // interviewer): "Washington Post reporter Jane Doe told NPR …", "Jane Doe, a reporter for the
  // Washington Post, said …". Without a verb of saying, "Time journalist Joel Sotloff" is the
  // story's subject, not its source.
  new RegExp(
    String.raw`${NAME}\s+(?:reporter|correspondent|journalist|columnist|editor)\s+\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+){0,2},?\s+(?:told|said|says|wrote|explained)\b`,
    'u',
  ),
  new RegExp(
    String.raw`\b(?:a|an|the)\s+(?:\p{Ll}+\s+){0,3}(?:reporter|correspondent|journalist|columnist|editor)\s+(?:for|with|at)\s+${NAME},?\s+(?:told|said|says|wrote|explained)\b`,
    'u',
  ),
  new RegExp(String.raw`\b[Aa]ccording to ${NAME}`, 'u'),
  new RegExp(String.raw`${NAME}\s+(?:first\s+)?reported\b`, 'u'),
  new RegExp(String.raw`\b(?:first\s+)?reported by ${NAME}`, 'u'),
  new RegExp(String.raw`\b(?:told|in an interview with|quoted by) ${NAME}`, 'u'),
  // "…, reports The Austrian Times." (the verb before the outlet, after the reported words).
  new RegExp(String.raw`[,;]\s*(?:reports|reported)\s+${NAME}`, 'u'),
  // "citing a report by the Washington Post", "a new ProPublica investigation".
  new RegExp(
    String.raw`\bciting (?:a |an )?(?:report|story|investigation|article) (?:by|in|from) ${NAME}`,
    'u',
  ),
  new RegExp(
    String.raw`\b(?:[Aa]n?) (?:new|recent) ${NAME} (?:investigation|report|analysis|exclusive)\b`,
    'u',
  ),
];
/** Attributions to these are to people or offices, not to an outlet that could be an origin. */
const NOT_OUTLETS =
  /^(He|She|They|It|We|I|You|Our|My|Your|His|Her|Their|Freelance|Officials?|Sources?|Police|The (report|newspaper|paper|agency|statement))$/i;

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
      // A sentence's full stop is not part of the name ("… reports The Austrian Times."); an
      // abbreviation's dots are ("U.S.").
      .replace(/(\p{L}{2,})\.$/u, '$1')
      // A number names a channel after a word ("Channel 2"), not after an acronym ("told CNN 10 people …").
      .replace(/(\b\p{Lu}{2,}[\p{Lu}.&'-]*)((?:\s+\d{1,2})+)(?=\s|$)/u, '$1')
      .trim();
    if (name && !NOT_OUTLETS.test(name) && !DEMONYM.test(name) && name.split(/\s+/).length <= 5) return name;
  }
  return null;
}

/** Parts of a host name that say where or what kind of site it is, not which outlet ("co.uk"). */
const HOST_SUFFIXES = new Set(
  'com org net co uk au ca nz ie in de fr es it us gov edu info io tv news www m mobile edition english amp'.split(
    ' ',
  ),
);

/**
 * What an origin's name comes down to, to tell one outlet named two ways: a web site by the label
 * that names it ("www.foxnews.com" → "foxnews", "english.chosun.com" → "chosun"), a name by its
 * letters ("Fox News" → "foxnews", "The Chosun Ilbo" → "chosunilbo").
 */
function outletKey(name: string): string {
  const lower = name.toLowerCase().trim();
  if (/^[a-z0-9.-]+\.[a-z]{2,}$/.test(lower)) {
    const labels = lower.split('.').filter((label) => !HOST_SUFFIXES.has(label));
    return labels.at(-1) ?? lower;
  }
  return lower.replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * One outlet credited by name in one article and counted by its web site in another ("Fox News"
 * and "www.foxnews.com") is one origin: names whose keys are equal, or one the start of the other
 * when both are five letters or more ("chosun", "chosunilbo"), are joined, and the origin is shown
 * by its name rather than its address. Returns each name that is joined → the name shown.
 */
export function sameOutletNames(names: string[]): Map<string, string> {
  const isHost = (name: string) => /^[\w.-]+\.[a-z]{2,}$/i.test(name);
  const same = (a: string, b: string) => {
    const [x, y] = [outletKey(a), outletKey(b)];
    if (x === y) return x.length > 0;
    const [short, long] = x.length < y.length ? [x, y] : [y, x];
    return short.length >= 5 && long.startsWith(short) && (isHost(a) || isHost(b));
  };
  const shown = new Map<string, string>();
  for (const name of names) {
    if (shown.has(name)) continue;
    const group = names.filter((other) => other === name || same(name, other));
    // Shown by name where one is written out, else by the first address.
    const display = group.find((other) => !isHost(other)) ?? group[0]!;
    for (const other of group) if (!shown.has(other)) shown.set(other, display);
  }
  return shown;
}

/** An article's own name as an origin: its outlet, else its headline, address or id. */
function ownName(article: ArticleInfo): string {
  return article.outlet ?? article.title ?? article.url ?? article.id;
}

/**
 * Groups articles that are one account: copies grouped at ingest (the same syndication group), and
 * articles most of whose text another of them holds word for word (containment, measured on the
 * smaller, so a partial copy or a rewrite that adds its own paragraphs is found too).
 */
function accounts(articles: ArticleInfo[], textOf: ReadonlyMap<string, string>): Map<string, string> {
  const parent = new Map(articles.map((article) => [articleKey(article), articleKey(article)]));
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(key, root);
    return root;
  };
  const join = (a: string, b: string) => parent.set(find(a), find(b));
  const byGroup = new Map<string, string>();
  for (const article of articles) {
    if (!article.syndicationGroup) continue;
    const first = byGroup.get(article.syndicationGroup);
    if (first) join(articleKey(article), first);
    else byGroup.set(article.syndicationGroup, articleKey(article));
  }
  const texts = articles
    .map((article) => ({ key: articleKey(article), runs: shingles(textOf.get(article.id) ?? '') }))
    .filter((item) => item.runs.size >= MIN_SHINGLES_TO_COMPARE);
  for (let a = 0; a < texts.length; a++)
    for (let b = a + 1; b < texts.length; b++) {
      const [small, large] =
        texts[a]!.runs.size <= texts[b]!.runs.size ? [texts[a]!, texts[b]!] : [texts[b]!, texts[a]!];
      if (small.key !== large.key && containment(small.runs, large.runs) >= COPY_CONTAINMENT)
        join(small.key, large.key);
    }
  return new Map([...parent.keys()].map((key) => [key, find(key)]));
}

/**
 * How many independent origins the evidence has. Articles that are one account (copies, reposts,
 * rewrites: see `accounts`) count once; an account whose evidence, or a related sentence of the
 * same story, credits an outlet ("the Washington Post reported", "(AP)") counts under that outlet;
 * otherwise under the outlet of its earliest-published article, which the others repeat.
 */
export function traceProvenance(
  evidence: Evidence[],
  /** The evidence articles' texts, by article id (`Store.articleTexts`): copies are found by their text. */
  texts: ReadonlyMap<string, string>,
  related: Evidence[] = [],
): Provenance {
  const articles = [...new Map(evidence.map((item) => [articleKey(item.article), item.article])).values()];
  const keys = new Set(articles.map(articleKey));
  // The attribution is often in another sentence of the story than the best evidence ("…, the
  // Washington Post reported on Sunday."), so the related sentences of the same articles count too.
  const citedIn = new Map<string, string>();
  for (const item of [...evidence, ...related.filter((item) => keys.has(articleKey(item.article)))]) {
    const cited = citedOrigin(item.sentence.text);
    const key = articleKey(item.article);
    if (cited && !citedIn.has(key)) citedIn.set(key, cited);
  }
  const accountOf = accounts(articles, texts);
  const earliestFirst = [...articles].sort(
    (a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999') || a.id.localeCompare(b.id),
  );
  const originOfAccount = new Map<string, string>();
  // A credit named by any copy names the account's origin; failing that, its first publisher.
  for (const article of earliestFirst) {
    const cited = citedIn.get(articleKey(article));
    const account = accountOf.get(articleKey(article))!;
    if (cited && !originOfAccount.has(account)) originOfAccount.set(account, cited);
  }
  for (const article of earliestFirst) {
    const account = accountOf.get(articleKey(article))!;
    if (!originOfAccount.has(account)) originOfAccount.set(account, ownName(article));
  }
  const named = sameOutletNames([...new Set(originOfAccount.values())]);
  const originOf = new Map<string, string>();
  for (const { article } of evidence) {
    const origin = originOfAccount.get(accountOf.get(articleKey(article))!)!;
    originOf.set(article.id, named.get(origin) ?? origin);
  }
  const origins = [...new Set(originOf.values())].sort();
  return { originOf, origins, articleCount: originOf.size };
}
