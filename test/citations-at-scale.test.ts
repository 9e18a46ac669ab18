import { afterAll, describe, expect, it } from 'vitest';
import { checkClaim } from '../src/check-claim.js';
import { loadEvalStore } from '../src/eval/load-eval-store.js';
import type { Store } from '../src/store/store.js';
import { SHARED_SETS } from '../scripts/lib/eval-sets.js';
import { expectCitationIntegrity, reportSentences } from './helpers/citation-integrity.js';
import { expectValidReport } from './helpers/report-schema.js';
import { HAS_SHARED, SHARED } from './helpers/shared.js';

/**
 * Every evaluation claim of `npm run eval`, through the full report: every sentence cited, every
 * citation resolving to a stored passage with the same text, every quotation the words of a cited
 * passage, and every report valid against the JSON Schema.
 */
describe.skipIf(!HAS_SHARED)('citation integrity on every evaluation claim', async () => {
  const stores: Store[] = [];
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
  });

  it.each(SHARED_SETS.map((build) => [build.name, build] as const))(
    '%s',
    async (_name, build) => {
      const set = build(SHARED, 'test');
      const store = await loadEvalStore(set.corpus);
      stores.push(store);
      let sentences = 0;
      for (const [index, claim] of set.claims.entries()) {
        // Yield now and then: a worker that never returns to its event loop misses vitest's RPC deadline.
        if (index % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
        const report = await checkClaim(claim.claim, { store, asOf: '2100-01-01' });
        await expectCitationIntegrity(report, store);
        expectValidReport(report);
        sentences += reportSentences(report).length;
      }
      expect(sentences).toBeGreaterThan(set.claims.length);
    },
    600_000,
  );
});
