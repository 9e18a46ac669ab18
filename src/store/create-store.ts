import type { VerityConfig } from '../config.js';
import { createPostgresStore } from './postgres/postgres-store.js';
import { createSqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

/** Creates the store the configuration names: PostgreSQL when a database URL is set, else the SQLite file. */
export function createStore(config: Pick<VerityConfig, 'dbPath' | 'databaseUrl'>): Store {
  return config.databaseUrl
    ? createPostgresStore({ url: config.databaseUrl })
    : createSqliteStore({ path: config.dbPath });
}
