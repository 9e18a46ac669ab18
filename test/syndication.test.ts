import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimateJaccard, minhashSignature } from '../src/analyze/minhash.js';
import { ingestSources } from '../src/ingest/ingest-sources.js';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { HAS_SHARED, SEED_ARTICLE, tempDir } from './helpers/shared.js';

/** A light rewrite as a republishing outlet makes it: new intro, one paragraph cut, a few words changed. */
function rewrite(original: string): string {
  const paragraphs = original.split('\n\n');
  const kept = paragraphs.filter((_, index) => index !== 6);
  return [
    'WASHINGTON (Wire Partner) — The report drew criticism from former prosecutors on Monday.',
    ...kept.map((paragraph) =>
      paragraph.replace(/reportedly/g, 'allegedly').replace(/notorious/g, 'infamous'),
    ),
  ].join('\n\n');
}

describe('MinHash', () => {
  it('estimates Jaccard similarity: identical texts 1, unrelated texts near 0', () => {
    const text = 'the council approved the budget for schools after a long debate on monday night';
    expect(estimateJaccard(minhashSignature(text), minhashSignature(text))).toBe(1);
    const other = 'heavy rain flooded the valley and closed two roads near the river on tuesday';
    expect(estimateJaccard(minhashSignature(text), minhashSignature(other))).toBeLessThan(0.1);
  });
});

describe.skipIf(!HAS_SHARED)('syndication groups', () => {
  it('groups a republished light rewrite with the original, skips an exact copy, and leaves other stories alone', async () => {
    const dir = tempDir('syndication');
    const seed = fs.readFileSync(SEED_ARTICLE, 'utf8');
    const { extractArticle } = await import('../src/extract/extract-article.js');
    const body = extractArticle(seed, 'text').text;
    const lines = [
      {
        id: 'partner-1',
        title: 'Rubio traded informants for prison deal, report says',
        outlet: 'Wire Partner',
        text: rewrite(body),
      },
      {
        id: 'copy-1',
        title: 'Rubio agreed to compromise US informants to secure Trump’s El Salvador prison deal: Report',
        outlet: 'Copy Desk',
        text: body,
      },
      {
        id: 'other-1',
        title: 'Bukele hosts deportees',
        outlet: 'Other',
        text: 'El Salvador President Nayib Bukele said on Sunday that the CECOT prison would hold more deportees from the United States, in a speech broadcast nationwide. Officials gave no figures.',
      },
    ];
    const jsonl = path.join(dir, 'more.jsonl');
    fs.writeFileSync(jsonl, lines.map((line) => JSON.stringify(line)).join('\n'));
    const store = createSqliteStore({ path: path.join(dir, 'verity.db') });
    const summary = await ingestSources([SEED_ARTICLE, jsonl], { store, maxFileBytes: 5e6 });
    // The copy has a different source but the same title and body: the same content hash.
    expect(summary).toMatchObject({ added: 3, skipped: 1, failed: 0 });
    const original = (await store.searchPassages({ terms: ['lopez', 'larios'], limit: 10 })).map(
      (hit) => hit.article,
    );
    const group = original[0]!.syndicationGroup;
    expect(group).not.toBeNull();
    const members = await store.syndicationGroup(group!);
    expect(members.map((member) => member.outlet ?? member.source).sort()).toEqual(
      [SEED_ARTICLE, 'Wire Partner'].sort(),
    );
    const other = (await store.searchPassages({ terms: ['deportees', 'broadcast'], limit: 1 }))[0]!.article;
    expect(other.syndicationGroup).toBeNull();
    await store.close();
  });
});
