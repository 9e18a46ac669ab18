import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestSources } from '../src/ingest/ingest-sources.js';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { HAS_SHARED, READABILITY_PAGES, SEED_ARTICLE, tempDir } from './helpers/shared.js';

const LIMIT = 1_000_000;

/** A batch with good files and every kind of bad input the ingest stage must survive. */
function writeBatch(dir: string): void {
  fs.mkdirSync(path.join(dir, 'nested', 'deeper'), { recursive: true });
  fs.copyFileSync(path.join(READABILITY_PAGES, 'nytimes-1', 'source.html'), path.join(dir, 'nytimes.html'));
  fs.copyFileSync(SEED_ARTICLE, path.join(dir, 'nested', 'wire.txt'));
  fs.writeFileSync(
    path.join(dir, 'nested', 'deeper', 'note.md'),
    '# Bridge reopens\n\nThe old bridge reopened on Monday after two years of repairs, the city said.\n',
  );
  fs.writeFileSync(path.join(dir, 'empty.txt'), '');
  fs.writeFileSync(
    path.join(dir, 'binary.html'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02, 0x03]),
  );
  fs.writeFileSync(
    path.join(dir, 'malformed.html'),
    '<html><head><title>Storm hits coast</title><body><div><p>The storm hit the coast on Tuesday night, cutting power to thousands of homes <b>and <i>closing</b> roads.</p><p>Officials said repairs would take a week',
  );
  fs.writeFileSync(path.join(dir, 'big.txt'), 'Too long. '.repeat(LIMIT / 5));
  const latin1 = Buffer.concat([
    Buffer.from('<html><head><meta charset="iso-8859-1"><title>Caf'),
    Buffer.from([0xe9]),
    Buffer.from(' opens</title></head><body><article><p>The caf'),
    Buffer.from([0xe9]),
    Buffer.from(' on the square opened its doors on Friday, serving cr'),
    Buffer.from([0xe8]),
    Buffer.from('me br'),
    Buffer.from([0xfb]),
    Buffer.from('l'),
    Buffer.from([0xe9]),
    Buffer.from(
      'e to a queue of neighbours who had waited since dawn for the first cup.</p></article></body></html>',
    ),
  ]);
  fs.writeFileSync(path.join(dir, 'latin1.html'), latin1);
  fs.writeFileSync(
    path.join(dir, 'batch.jsonl'),
    [
      JSON.stringify({
        text: 'Council approves new budget for schools after a long debate.',
        title: 'Budget passes',
        url: 'https://news.test/budget',
        outlet: 'News Test',
        author: 'By Ana Ruiz',
        published: '2024-03-02',
      }),
      '{"text": broken json',
      JSON.stringify({ title: 'No text here' }),
      JSON.stringify({
        text: 'The mayor opened a new library in the north district on Saturday.',
        id: 'lib-1',
      }),
    ].join('\n') + '\n',
  );
}

describe.skipIf(!HAS_SHARED)('ingesting a batch with bad input', async () => {
  const dir = tempDir('ingest');
  const inputs = path.join(dir, 'inputs');
  let store: Store;
  let first: Awaited<ReturnType<typeof ingestSources>>;

  beforeAll(async () => {
    writeBatch(inputs);
    store = createSqliteStore({ path: path.join(dir, 'verity.db') });
    first = await ingestSources([inputs, path.join(dir, 'missing-folder')], { store, maxFileBytes: LIMIT });
  });
  afterAll(() => store.close());

  it('stores every good article and reports each bad file with its reason', async () => {
    const reasons = Object.fromEntries(
      first.failures.map((failure) => [path.basename(failure.source), failure.reason]),
    );
    expect(reasons['empty.txt']).toMatch(/empty/);
    expect(reasons['binary.html']).toMatch(/binary/);
    expect(reasons['big.txt']).toMatch(/over the 1\.0 MB limit.*--max-file-bytes/);
    expect(reasons['missing-folder']).toMatch(/no such file or directory/);
    expect(reasons['batch.jsonl:2']).toMatch(/not valid JSON/);
    expect(reasons['batch.jsonl:3']).toMatch(/"text" is missing/);
    expect(first.failed).toBe(6);
    // nytimes, wire, note, malformed, latin1, and two JSONL lines.
    expect(first.added).toBe(7);
    expect((await store.corpusState()).articles).toBe(7);
  });

  it('extracts text from malformed HTML and decodes a declared legacy charset', async () => {
    const storm = (await store.searchPassages({ terms: ['storm', 'coast'], limit: 1 }))[0]!;
    expect(storm.passage.text).toContain('The storm hit the coast on Tuesday night');
    const cafe = (await store.searchPassages({ terms: ['café'], limit: 1 }))[0]!;
    expect(cafe.passage.text).toContain('serving crème brûlée');
    expect(cafe.article.title).toBe('Café opens');
  });

  it('keeps JSONL metadata', async () => {
    const budget = (await store.searchPassages({ terms: ['budget'], limit: 1 }))[0]!.article;
    expect(budget).toMatchObject({
      title: 'Budget passes',
      outlet: 'News Test',
      authors: ['Ana Ruiz'],
      published: '2024-03-02',
      url: 'https://news.test/budget',
    });
  });

  it('adds nothing when the same files are ingested again', async () => {
    const again = await ingestSources([inputs], { store, maxFileBytes: LIMIT });
    expect(again).toMatchObject({ added: 0, updated: 0, skipped: 7 });
    expect((await store.corpusState()).articles).toBe(7);
  });

  it('updates a changed file and keeps the earlier version for old citations', async () => {
    const note = path.join(inputs, 'nested', 'deeper', 'note.md');
    const before = (await store.searchPassages({ terms: ['bridge'], limit: 1 }))[0]!;
    fs.appendFileSync(note, '\nTraffic is expected to return to normal by Friday.\n');
    const changed = await ingestSources([note], { store, maxFileBytes: LIMIT });
    expect(changed).toMatchObject({ added: 0, updated: 1, skipped: 0 });
    expect((await store.corpusState()).articles).toBe(7);
    const after = await store.searchPassages({ terms: ['bridge'], limit: 5 });
    expect(after).toHaveLength(1);
    expect(after[0]!.passage.text).toContain('Traffic is expected');
    expect((await store.getPassage(before.passage.id))?.text).toBe(before.passage.text);
  });
});
