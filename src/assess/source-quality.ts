/**
 * Which sources a report should not build on when better ones say the same: those a user's
 * source policy lists as low quality (a JSON file of outlet domains with a tier and a note; none
 * by default), and pages whose text shows it — the same paragraph printed again and again, as
 * scraped, spun and SEO pages do, or a page too short to be an article (a post, a caption). Such a source is still cited where it bears on the claim, but it
 * never carries the core reporting when another source is there, and the report says why.
 */
import fs from 'node:fs';
import { UsageError } from '../errors.js';
import type { ArticleInfo } from '../types.js';
import { siteOf } from '../retrieve/article-key.js';

export type SourceTier = 'high' | 'standard' | 'low';

export interface SourcePolicy {
  domains: Array<{ domain: string; tier: SourceTier; note?: string }>;
}

export interface SourceQuality {
  tier: SourceTier;
  /** Why the source is set aside as core reporting ("the same paragraph printed 3 times"); empty when it is not. */
  setAside: string[];
}

const TIERS: readonly SourceTier[] = ['high', 'standard', 'low'];
/** A paragraph this long or longer that a page prints twice is a sign of a scraped or spun page. */
const REPEATED_PARAGRAPH_WORDS = 8;
/** A page of fewer words (about two sentences) is a post, a caption or a summary, not an article to build on. */
const MIN_ARTICLE_WORDS = 30;

/** Reads and checks a source policy file; the error says what is wrong and how to fix it. */
export function loadSourcePolicy(file: string): SourcePolicy {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `Cannot read the source policy ${file}: ${(error as Error).message}. It must be JSON: {"domains": [{"domain": "example.com", "tier": "low", "note": "…"}]}.`,
    );
  }
  const domains = (parsed as { domains?: unknown }).domains;
  if (!Array.isArray(domains))
    throw new UsageError(
      `The source policy ${file} has no "domains" list: {"domains": [{"domain": …, "tier": …}]}.`,
    );
  domains.forEach((entry: { domain?: unknown; tier?: unknown }, index) => {
    if (typeof entry.domain !== 'string' || !entry.domain)
      throw new UsageError(
        `Source policy ${file}, entry ${index + 1}: "domain" must be a domain such as "example.com".`,
      );
    if (!TIERS.includes(entry.tier as SourceTier))
      throw new UsageError(
        `Source policy ${file}, entry ${index + 1} (${entry.domain}): "tier" must be one of ${TIERS.join(', ')}, not ${JSON.stringify(entry.tier)}.`,
      );
  });
  return { domains: domains as SourcePolicy['domains'] };
}

/** The policy entry for an article: its address's host is the domain or under it, or its outlet is named so. */
function policyEntry(article: ArticleInfo, policy: SourcePolicy | undefined) {
  const host = siteOf(article);
  const outlet = article.outlet?.toLowerCase() ?? null;
  return policy?.domains.find((entry) => {
    const domain = entry.domain.toLowerCase().replace(/^www\./, '');
    return (host !== null && (host === domain || host.endsWith(`.${domain}`))) || outlet === domain;
  });
}

/** How often the page's most repeated paragraph (of REPEATED_PARAGRAPH_WORDS words or more) appears. */
export function mostRepeatedParagraph(text: string): number {
  const counts = new Map<string, number>();
  for (const paragraph of text.split(/\n\s*\n/)) {
    const normal = paragraph.toLowerCase().replace(/\s+/g, ' ').trim();
    if (normal.split(' ').length < REPEATED_PARAGRAPH_WORDS) continue;
    counts.set(normal, (counts.get(normal) ?? 0) + 1);
  }
  return Math.max(0, ...counts.values());
}

export function sourceQuality(
  article: ArticleInfo,
  /** The article's text (`Store.articleTexts`), read for repeated paragraphs; without it only the policy counts. */
  text: string | undefined,
  policy?: SourcePolicy,
): SourceQuality {
  const entry = policyEntry(article, policy);
  const setAside: string[] = [];
  if (entry?.tier === 'low')
    setAside.push(`listed as low quality in the source policy${entry.note ? ` (${entry.note})` : ''}`);
  const repeats = text === undefined ? 0 : mostRepeatedParagraph(text);
  if (repeats >= 2) setAside.push(`the same paragraph is printed ${repeats} times on the page`);
  const words = text === undefined ? MIN_ARTICLE_WORDS : text.split(/\s+/).filter(Boolean).length;
  if (words < MIN_ARTICLE_WORDS)
    setAside.push(
      `its page holds only ${words} word${words === 1 ? '' : 's'}: a post or a summary, not an article`,
    );
  return { tier: entry?.tier ?? 'standard', setAside };
}
