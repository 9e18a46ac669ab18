import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { databaseLabel, loadConfig, DB_OPTION_HELP } from '../config.js';
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
    .action(async (sources: string[], options: IngestFlags) => {
      // Loaded on use: the extractor's dependencies (linkedom, Readability) would slow every `check`.
      const { ingestSources } = await import('../ingest/ingest-sources.js');
      const { createHttpFetcher } = await import('../ingest/http-fetcher.js');
      const config = loadConfig({
        dbPath: options.db,
        maxFileBytes: options.maxFileBytes,
        allowPrivateUrls: options.allowPrivateUrls,
        fetchTimeoutMs: options.timeout,
      });
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
          fetcher: createHttpFetcher({
            maxBytes: config.maxFileBytes,
            timeoutMs: config.fetchTimeoutMs,
            allowPrivateAddresses: config.allowPrivateUrls,
          }),
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
        await store.close();
      }
    });
}
