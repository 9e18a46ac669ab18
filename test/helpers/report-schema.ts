import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import type { Report } from '../../src/types.js';

const schema = JSON.parse(fs.readFileSync(path.resolve('docs/report.schema.json'), 'utf8')) as object;
const validate = new Ajv2020.default({ allErrors: true, strict: true }).compile(schema);

/** Fails with ajv's messages when a report does not match docs/report.schema.json. */
export function expectValidReport(report: Report): void {
  const valid = validate(JSON.parse(JSON.stringify(report)));
  expect(valid, JSON.stringify(validate.errors, null, 1)).toBe(true);
}

/** The ClaimReview fields fact-check publishers and search engines require. */
export function expectValidClaimReview(jsonLd: Record<string, unknown>): void {
  expect(jsonLd['@context']).toBe('https://schema.org');
  expect(jsonLd['@type']).toBe('ClaimReview');
  for (const key of ['claimReviewed', 'url', 'datePublished']) expect(typeof jsonLd[key], key).toBe('string');
  expect(jsonLd.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}/);
  const author = jsonLd.author as Record<string, unknown>;
  expect(author['@type']).toBe('Organization');
  expect(typeof author.name).toBe('string');
  const rating = jsonLd.reviewRating as Record<string, unknown>;
  expect(rating['@type']).toBe('Rating');
  expect(rating.bestRating).toBe(5);
  expect(rating.worstRating).toBe(1);
  expect(rating.ratingValue).toBeGreaterThanOrEqual(1);
  expect(rating.ratingValue).toBeLessThanOrEqual(5);
  expect(typeof rating.alternateName).toBe('string');
  const item = jsonLd.itemReviewed as Record<string, unknown>;
  expect(item['@type']).toBe('Claim');
  expect(Array.isArray(item.appearance)).toBe(true);
}
