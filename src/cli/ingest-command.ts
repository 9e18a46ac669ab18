import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import type { IngestSummary } from '../ingest/ingest-paths.js';
import { createStore } from '../store/create-store.js';

export function formatIngestSummary(summary: IngestSummary): string {
  const lines = [
    `added ${summary.added}, updated ${summary.updated}, skipped ${summary.skipped} (unchanged), failed ${summary.failed}`,
  ];
  for (const failure of summary.failures) lines.push(`  failed  ${failure.source}: ${failure.reason}`);
  for (const warning of summary.warnings) lines.push(`  warning ${warning.source}: ${warning.reason}`);
  return lines.join('\n');
}

export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description('ingest HTML, text, Markdown and JSONL files or directories (recursively) into the corpus')
    .argument('<paths...>', 'files or directories')
    .option('--db <path>', 'database file (default: $VERITY_DB or ~/.verity/verity.db)')
    .option('--max-file-bytes <n>', 'largest file accepted (default 20 MB)', Number)
    .option('--no-progress', 'do not draw a progress bar')
    .action(async (paths: string[], options: { db?: string; maxFileBytes?: number; progress: boolean }) => {
      // Loaded on use: the extractor's dependencies (linkedom, Readability) would slow every `check`.
      const { ingestPaths } = await import('../ingest/ingest-paths.js');
      const config = loadConfig({ dbPath: options.db, maxFileBytes: options.maxFileBytes });
      const store = createStore(config);
      const bar =
        options.progress && process.stderr.isTTY
          ? new cliProgress.SingleBar(
              {
                format: 'ingest [{bar}] {value}/{total} files | {items} articles | eta {eta}s',
                stream: process.stderr,
              },
              cliProgress.Presets.shades_classic,
            )
          : null;
      try {
        const summary = await ingestPaths(paths, {
          store,
          maxFileBytes: config.maxFileBytes,
          onProgress: ({ filesDone, filesTotal, itemsDone }) => {
            if (!bar) return;
            if (filesDone === 1) bar.start(filesTotal, 0, { items: 0 });
            bar.update(filesDone, { items: itemsDone });
          },
        });
        bar?.stop();
        console.log(formatIngestSummary(summary));
        console.log(`database: ${config.dbPath}`);
        if (summary.failed > 0) process.exitCode = 2;
      } finally {
        store.close();
      }
    });
}
