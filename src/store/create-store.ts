import type { VerityConfig } from '../config.js';
import { createSqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

/** Creates the store the configuration names. SQLite is simply the default implementation. */
export function createStore(config: Pick<VerityConfig, 'dbPath'>): Store {
  return createSqliteStore({ path: config.dbPath });
}
