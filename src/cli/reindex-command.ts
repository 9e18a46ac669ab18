import type { Command } from 'commander';
import { databaseLabel, DB_OPTION_HELP, loadConfig, searchIndexFile } from '../config.js';
import { withSearchIndex } from '../search-index/indexed-store.js';
import { createStore } from '../store/create-store.js';

export function registerReindexCommand(program: Command): void {
  program
    .command('reindex')
    .description(
      'rebuild the in-process search index from the database (it is kept in step on its own; use this after restoring a backup or to check it)',
    )
    .option('--db <path-or-url>', DB_OPTION_HELP)
    .action(async (options: { db?: string }) => {
      const config = loadConfig({ dbPath: options.db });
      const file = searchIndexFile(config);
      const store = withSearchIndex(createStore({ ...config, searchIndex: false }), { file });
      try {
        const started = performance.now();
        const status = await store.reindex();
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        console.log(
          `Indexed ${status.passages} passages (${status.terms} terms, ${status.postings} postings, ` +
            `${(status.bytes / 1e6).toFixed(1)} MB) of ${databaseLabel(config)} in ${seconds} s; saved to ${file ?? '(memory only)'}.`,
        );
      } finally {
        await store.close();
      }
    });
}
