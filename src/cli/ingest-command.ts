import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import path from 'node:path';
import { databaseLabel, loadConfig, DB_OPTION_HELP } from '../config.js';
import { InputError, UsageError } from '../errors.js';
import type { IngestSummary } from '../ingest/ingest-sources.js';
import { createStore } from '../store/create-store.js';

export function formatIngestSummary(summary: IngestSummary): string {
  const lines = [
    `added ${summary.added}, updated ${summary.updated}, skipped ${summary.skipped} (unchanged), failed ${summary.failed}`,
  ];
  for (const failure of summary.failures) lines.push(`  failed  ${failure.source}: ${failure.reason}`);
  for (const warning of summary.warnings) lines.push(`  warning ${warning.source}: ${warning.reason}`);
  return lines.join('\n');
}

interface IngestFlags {
  db?: string;
  maxFileBytes?: number;
  progress: boolean;
  since?: string;
  allowPrivateUrls?: boolean;
  timeout?: number;
  queue?: boolean;
  extractThreads?: number;
}

export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description(
      'ingest files and directories (HTML, text, Markdown, JSONL, WARC, feeds, sitemaps) and URLs of pages, feeds and sitemaps',
    )
    .argument('<sources...>', 'files, directories (recursive) or http(s) URLs')
    .option('--db <path-or-url>', DB_OPTION_HELP)
    .option('--since <date>', 'feeds and sitemaps: leave out entries dated before this day (YYYY-MM-DD)')
    .option('--max-file-bytes <n>', 'largest file, page or JSONL line accepted (default 20 MB)', Number)
    .option('--timeout <ms>', 'timeout for each fetch (default 15000)', Number)
    .option('--allow-private-urls', 'allow fetching private, loopback and link-local addresses')
    .option('--no-progress', 'do not draw a progress bar')
    .option(
      '--extract-threads <n>',
      'worker threads that extract pages (default: cores − 1, or VERITY_EXTRACT_THREADS; 0: on the main thread)',
      Number,
    )
    .option(
      '--queue',
      'queue the sources for `verity worker` processes instead of ingesting them here (PostgreSQL only; paths must be readable by the workers)',
    )
    .action(async (sources: string[], options: IngestFlags) => {
      if (options.queue) return enqueueSources(sources, options);
      // Loaded on use: the extractor's dependencies (linkedom, Readability) would slow every `check`.
      const { ingestSources, itemLimitsOf } = await import('../ingest/ingest-sources.js');
      const { fetcherFor } = await import('../ingest/http-fetcher.js');
      const config = loadConfig({
        dbPath: options.db,
        maxFileBytes: options.maxFileBytes,
        allowPrivateUrls: options.allowPrivateUrls,
        fetchTimeoutMs: options.timeout,
        extractThreads: options.extractThreads,
      });
      if (
        options.extractThreads !== undefined &&
        !(Number.isInteger(options.extractThreads) && options.extractThreads >= 0)
      )
        throw new UsageError('--extract-threads must be a whole number of 0 or more.');
      const { extractorFor } = await import('../extract/extraction-pool.js');
      const extractor = extractorFor(config);
      const store = createStore(config);
      const bar =
        options.progress && process.stderr.isTTY
          ? new cliProgress.SingleBar(
              {
                format: 'ingest [{bar}] {value}/{total} sources | {items} items | {duration}s',
                stream: process.stderr,
              },
              cliProgress.Presets.shades_classic,
            )
          : null;
      bar?.start(sources.length, 0, { items: 0 });
      try {
        const summary = await ingestSources(sources, {
          store,
          since: options.since,
          maxFileBytes: config.maxFileBytes,
          fetcher: fetcherFor(config),
          extractor,
          ...itemLimitsOf(config),
          onProgress: ({ sourcesDone, sourcesTotal, itemsDone }) => {
            bar?.setTotal(sourcesTotal);
            bar?.update(sourcesDone, { items: itemsDone });
          },
        });
        bar?.stop();
        console.log(formatIngestSummary(summary));
        console.log(`database: ${databaseLabel(config)}`);
        if (summary.failed > 0) process.exitCode = 2;
      } finally {
        await Promise.all([store.close(), extractor.close()]);
      }
    });
}

/** `verity ingest --queue`: one job per URL and per file (directories walked), for the workers. */
async function enqueueSources(sources: string[], options: IngestFlags): Promise<void> {
  const config = loadConfig({ dbPath: options.db });
  if (!config.databaseUrl)
    throw new UsageError(
      '--queue needs the shared PostgreSQL database the workers use: pass --db postgres://… or set VERITY_DATABASE_URL.',
    );
  const { walkInputs } = await import('../ingest/walk-inputs.js');
  const { createPostgresJobQueue } = await import('../queue/postgres-job-queue.js');
  const urls = sources.filter((source) => /^https?:\/\//i.test(source));
  const walked = await walkInputs(sources.filter((source) => !/^https?:\/\//i.test(source)));
  const files: string[] = [];
  for (const item of walked) {
    if (item instanceof InputError) console.error(`  not queued ${item.source}: ${item.message}`);
    else files.push(path.resolve(item.path));
  }
  const queue = await createPostgresJobQueue(config.databaseUrl);
  try {
    const ids = await queue.enqueue([...urls, ...files], { since: options.since ?? null });
    const counts = await queue.counts();
    console.log(
      `queued ${ids.length} jobs (${counts.queued} waiting, ${counts.running} running, ${counts.done} done, ${counts.failed} failed)`,
    );
    console.log(`database: ${databaseLabel(config)}; run \`verity worker\` against it to ingest them`);
    if (walked.length > files.length) process.exitCode = 2;
  } finally {
    await queue.close();
  }
}
