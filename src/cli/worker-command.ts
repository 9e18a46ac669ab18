import type { Command } from 'commander';
import { databaseLabel, DB_OPTION_HELP, loadConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { createStore } from '../store/create-store.js';

interface WorkerFlags {
  db?: string;
  untilEmpty?: boolean;
  leaseMs?: number;
  maxFileBytes?: number;
  timeout?: number;
  allowPrivateUrls?: boolean;
}

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description(
      'take queued ingest jobs (`verity ingest --queue`) from the shared PostgreSQL database and ingest them; run any number, on any machine',
    )
    .option('--db <url>', DB_OPTION_HELP)
    .option('--until-empty', 'stop when no job is left instead of waiting for more')
    .option('--lease-ms <n>', 'how long a job stays this worker’s without renewal (default 60000)', Number)
    .option('--max-file-bytes <n>', 'largest file, page or JSONL line accepted (default 20 MB)', Number)
    .option('--timeout <ms>', 'timeout for each fetch (default 15000)', Number)
    .option('--allow-private-urls', 'allow fetching private, loopback and link-local addresses')
    .action(async (options: WorkerFlags) => {
      const config = loadConfig({
        dbPath: options.db,
        maxFileBytes: options.maxFileBytes,
        allowPrivateUrls: options.allowPrivateUrls,
        fetchTimeoutMs: options.timeout,
      });
      if (!config.databaseUrl)
        throw new UsageError(
          'A worker takes jobs from the shared PostgreSQL database: pass --db postgres://… or set VERITY_DATABASE_URL.',
        );
      const { ingestSources, itemLimitsOf } = await import('../ingest/ingest-sources.js');
      const { fetcherFor } = await import('../ingest/http-fetcher.js');
      const { createPostgresJobQueue } = await import('../queue/postgres-job-queue.js');
      const { runWorker } = await import('../queue/run-worker.js');
      const { extractorFor } = await import('../extract/extraction-pool.js');
      const store = createStore(config);
      const queue = await createPostgresJobQueue(config.databaseUrl);
      // One job is one source: a feed or a WARC fans out into many pages, extracted in parallel.
      const extractor = extractorFor(config);
      const fetcher = fetcherFor(config);
      // SIGTERM / SIGINT: finish the current job, then stop (a second signal stops at once).
      const stop = new AbortController();
      const onSignal = () => {
        if (stop.signal.aborted) process.exit(130);
        console.error('verity worker: stopping after the current job');
        stop.abort();
      };
      process.on('SIGTERM', onSignal);
      process.on('SIGINT', onSignal);
      console.error(`verity worker: taking jobs from ${databaseLabel(config)}`);
      try {
        const jobs = await runWorker({
          queue,
          leaseMs: options.leaseMs,
          untilEmpty: options.untilEmpty,
          signal: stop.signal,
          ingest: (source, { since }) =>
            ingestSources([source], {
              store,
              since,
              maxFileBytes: config.maxFileBytes,
              fetcher,
              extractor,
              ...itemLimitsOf(config),
            }),
          onJob: ({ source, attempt, outcome }) =>
            console.log(`${source}${attempt > 1 ? ` (attempt ${attempt})` : ''}: ${outcome}`),
        });
        const counts = await queue.counts();
        console.log(
          `ran ${jobs} jobs; queue: ${counts.queued} waiting, ${counts.running} running, ${counts.done} done, ${counts.failed} failed`,
        );
      } finally {
        await queue.close();
        await Promise.all([store.close(), extractor.close()]);
      }
    });
}
