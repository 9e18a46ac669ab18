import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { ingestSources } from '../../src/ingest/ingest-sources.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { tempDir } from './shared.js';

/** A fresh SQLite store holding the articles a test writes, each one JSONL line, all ingested. */
export async function storeOf(prefix: string, articles: object[]): Promise<Store> {
  const dir = tempDir(prefix);
  const file = path.join(dir, 'articles.jsonl');
  fs.writeFileSync(file, articles.map((article) => JSON.stringify(article)).join('\n') + '\n');
  const store = createSqliteStore({ path: path.join(dir, 'verity.db') });
  expect((await ingestSources([file], { store, maxFileBytes: 50e6 })).added).toBe(articles.length);
  return store;
}
