import fs from 'node:fs';
import path from 'node:path';
import { searchIndexFile, type VerityConfig } from '../config.js';
import { withSearchIndex } from '../search-index/indexed-store.js';
import { createPostgresStore } from './postgres/postgres-store.js';
import { createSqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

type StoreConfig = Pick<VerityConfig, 'dbPath' | 'databaseUrl'> &
  Partial<Pick<VerityConfig, 'searchIndex' | 'indexDir'>> & {
    /** Save the search index file on close (default); worker threads that share it with the main thread do not. */
    saveIndex?: boolean;
  };

/**
 * Creates the store the configuration names: PostgreSQL when a database URL is set, else the
 * SQLite file; with `searchIndex`, its passage search runs on the in-process index (saved to
 * `searchIndexFile(config)`).
 */
export function createStore(config: StoreConfig): Store {
  const store = config.databaseUrl
    ? createPostgresStore({ url: config.databaseUrl })
    : createSqliteStore({ path: config.dbPath });
  if (!config.searchIndex) return store;
  const file = searchIndexFile(config);
  if (file) fs.mkdirSync(path.dirname(file), { recursive: true });
  return withSearchIndex(store, { file, save: config.saveIndex ?? true });
}
