import { UsageError } from '../errors.js';
import type { Report, VerdictLabel } from '../types.js';

/** Verity's labels on the 1–5 scale fact-check publishers use in ClaimReview (5 = true). */
export const RATING_VALUES: Record<VerdictLabel, number> = {
  contradicted: 1,
  disputed: 2,
  unsettled: 3,
  'not-found': 3,
  reported: 4,
  supported: 5,
};

export interface ClaimReviewOptions {
  /** The report's public URL. Default: a `urn:verity:` name for the check. */
  url?: string;
  /** Who publishes the review. Default "Verity". */
  publisher?: string;
}

/** schema.org ClaimReview JSON-LD, as search engines and fact-check aggregators read it. */
export function renderClaimReview(report: Report, options: ClaimReviewOptions = {}): string {
  const label = report.verdict.label;
  if (report.kind === 'question' || label === 'answered' || label === 'not-answered')
    throw new UsageError(
      `ClaimReview rates a claim, and this report answers a question ("${report.question}"); use the json, markdown or html format, or state a claim to check.`,
    );
  const earliest = report.sources
    .map((source) => source.published)
    .filter((date): date is string => Boolean(date))
    .sort()[0];
  const origin = report.sources[0];
  const claimReview = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: options.url ?? `urn:verity:check:${report.checkedAt}:${encodeURIComponent(report.claim)}`,
    claimReviewed: report.claim,
    datePublished: report.checkedAt,
    author: { '@type': 'Organization', name: options.publisher ?? 'Verity' },
    reviewRating: {
      '@type': 'Rating',
      ratingValue: RATING_VALUES[label],
      bestRating: 5,
      worstRating: 1,
      alternateName: report.verdict.title,
    },
    itemReviewed: {
      '@type': 'Claim',
      ...(origin
        ? { author: { '@type': 'Organization', name: origin.outlet ?? origin.title ?? 'Unknown' } }
        : {}),
      ...(earliest ? { datePublished: earliest.slice(0, 10) } : {}),
      appearance: report.sources
        .filter((source) => source.url)
        .map((source) => ({
          '@type': 'CreativeWork',
          url: source.url,
          ...(source.title ? { headline: source.title } : {}),
        })),
    },
  };
  return `${JSON.stringify(claimReview, null, 2)}\n`;
}
