import type { Command } from 'commander';
import { databaseLabel, loadConfig, DB_OPTION_HELP } from '../config.js';
import { isIndexedStore } from '../search-index/indexed-store.js';
import { createStore } from '../store/create-store.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API and the reader web page')
    .option('--port <n>', 'port (default 8080)', Number, 8080)
    .option('--host <address>', 'address to listen on (default 127.0.0.1)', '127.0.0.1')
    .option('--db <path-or-url>', DB_OPTION_HELP)
    .action(async (options: { port: number; host: string; db?: string }) => {
      const { serve } = await import('@hono/node-server');
      const { createApp } = await import('../server/create-app.js');
      const { createCheckPool, workerHeapMb } = await import('../server/check-runner.js');
      const config = loadConfig({ dbPath: options.db });
      const store = createStore(config);
      // Catch the index up and save it once, so that every check worker loads it from the file
      // rather than each rebuilding it from the store's change log.
      const indexBytes = isIndexedStore(store) ? (await store.persist()).bytes : 0;
      const checks = createCheckPool(config, config.checkWorkers, indexBytes);
      const app = createApp({ store, config, checks: checks ?? undefined });
      const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info) => {
        console.log(
          `Verity on http://${options.host}:${info.port} (database ${databaseLabel(config)}; ` +
            `checks on ${checks ? `${checks.workers} worker threads of at most ${workerHeapMb(config, indexBytes)} MB heap each` : 'the main thread'}, up to ${config.checkQueue} waiting; ` +
            `ingest ${config.ingestToken ? 'on, with token' : 'off'})`,
        );
      });
      const stop = () =>
        server.close(() => {
          void (checks?.close() ?? Promise.resolve())
            .then(() => store.close())
            .finally(() => process.exit(0));
        });
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
