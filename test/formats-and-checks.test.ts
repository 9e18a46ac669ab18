import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkClaim } from '../src/check-claim.js';
import { recheck } from '../src/checks/recheck.js';
import { storeCheck, withStatus } from '../src/checks/store-check.js';
import { ingestSources } from '../src/ingest/ingest-sources.js';
import { renderHtml } from '../src/render/render-html.js';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { expectValidReport } from './helpers/report-schema.js';
import { HAS_SHARED, SEED_ARTICLE, tempDir } from './helpers/shared.js';

const QUESTION = 'Did Rubio turn over DOJ MS-13 informants to get access to El Salvadoran prisons?';

describe.skipIf(!HAS_SHARED)('formats, stored checks and rechecks', async () => {
  const dir = tempDir('checks');
  const db = path.join(dir, 'verity.db');
  let store: Store;

  beforeAll(async () => {
    store = createSqliteStore({ path: db });
    const hostile = path.join(dir, 'hostile.jsonl');
    fs.writeFileSync(
      hostile,
      JSON.stringify({
        id: 'hostile-1',
        title: 'Rubio <script>alert("title")</script> informants',
        outlet: '<img src=x onerror=alert(1)>',
        url: 'javascript:alert(2)',
        text: 'Rubio turned over MS-13 informants <script>alert("body")</script> to El Salvador, a <b onmouseover="alert(3)">claim</b> repeated online.',
      }) + '\n',
    );
    await ingestSources([SEED_ARTICLE, hostile], { store, maxFileBytes: 5e6 });
  });
  afterAll(() => store.close());

  it('escapes every piece of source text in HTML and links only http(s) URLs', async () => {
    const html = renderHtml(await checkClaim(QUESTION, { store, asOf: '2026-01-01' }));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<img|<b onmouseover|href="javascript:/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toMatch(/<h2>1\. /);
  });

  it('stores a check with its corpus state, shows it, and marks it outdated after new ingestion; recheck shows the change', async () => {
    const report = await checkClaim(QUESTION, { store, asOf: '2026-01-01' });
    const stored = await storeCheck(store, report, new Date('2026-01-01T10:00:00Z'));
    expect((await store.getCheck(stored.id))?.report).toEqual(report);
    expect((await withStatus(stored, store)).status?.outdated).toBe(false);

    const more = path.join(dir, 'more.jsonl');
    fs.writeFileSync(
      more,
      JSON.stringify({
        id: 'follow-up-1',
        title: 'Justice Department confirms informant returned to El Salvador',
        outlet: 'Follow-up Times',
        published: '2025-10-25',
        text: 'The Justice Department confirmed that Cesar Lopez Larios, an MS-13 leader who had cooperated with US prosecutors, was returned to El Salvador, according to court filings. Rubio turned over the informant days after his call with Bukele, the filings show.',
      }) + '\n',
    );
    await ingestSources([more], { store, maxFileBytes: 5e6 });
    const shown = await withStatus((await store.getCheck(stored.id))!, store);
    expect(shown.status).toMatchObject({ outdated: true });
    expect(shown.status!.note).toMatch(/May be outdated/);
    expectValidReport(shown);

    const [result] = await recheck({
      store,
      ids: [stored.id],
      asOf: '2026-01-02',
      now: () => new Date('2026-01-02T10:00:00Z'),
    });
    expect(result!.current.previousId).toBe(stored.id);
    expect(result!.newSources).toContain('Follow-up Times');
    expect((await withStatus(result!.current, store)).status?.outdated).toBe(false);
  });

  it('prints every format from the CLI, stores the check, and shows it again by id', () => {
    const cli = path.resolve('dist/src/cli/main.js');
    const run = (...args: string[]) =>
      execFileSync(process.execPath, [cli, ...args, '--db', db], { encoding: 'utf8', stdio: 'pipe' });
    for (const format of ['markdown', 'json', 'html', 'claimreview']) {
      expect(
        run('check', '--no-save', '--as-of', '2026-01-03', '--format', format, QUESTION).length,
      ).toBeGreaterThan(200);
    }
    const output = execFileSync(
      process.execPath,
      [cli, 'check', '--db', db, '--as-of', '2026-01-03', '--format', 'json', QUESTION],
      { encoding: 'utf8', stdio: 'pipe' },
    );
    const id =
      JSON.parse(output) &&
      run('show')
        .split('\n')
        .find((line) => line.includes(QUESTION))!
        .split(/\s+/)[0]!;
    expect(JSON.parse(run('show', id, '--format', 'json')).claim).toBe(JSON.parse(output).claim);
  });
});
