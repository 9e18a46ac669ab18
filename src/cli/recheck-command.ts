import type { Command } from 'commander';
import { recheck, type RecheckResult } from '../checks/recheck.js';
import { loadConfig, DB_OPTION_HELP } from '../config.js';
import { createStore } from '../store/create-store.js';

export function formatRecheck(result: RecheckResult): string {
  const { previous, current } = result;
  const lines = [`${previous.id} → ${current.id}  ${previous.question}`];
  lines.push(
    result.verdictChanged
      ? `  verdict: ${previous.report.verdict.label} → ${current.report.verdict.label}`
      : `  verdict: unchanged (${current.report.verdict.label})`,
  );
  lines.push(
    result.newSources.length ? `  new sources: ${result.newSources.join('; ')}` : '  new sources: none',
  );
  lines.push(
    result.newOrigins.length ? `  new origins: ${result.newOrigins.join('; ')}` : '  new origins: none',
  );
  return lines.join('\n');
}

export function registerRecheckCommand(program: Command): void {
  program
    .command('recheck')
    .description(
      're-run stored checks against the current corpus and show what changed (verdict, new sources, new origins)',
    )
    .argument('[ids...]', 'check ids (default: the latest check of every stored question)')
    .option('--db <path-or-url>', DB_OPTION_HELP)
    .option('--as-of <date>', 'as-of date for the new runs (default: today)')
    .action(async (ids: string[], options: { db?: string; asOf?: string }) => {
      const config = loadConfig({ dbPath: options.db });
      const store = createStore(config);
      try {
        const results = await recheck({
          store,
          ids: ids.length ? ids : undefined,
          asOf: options.asOf,
          methodUrl: config.methodUrl,
        });
        if (results.length === 0) console.log('No stored checks yet; run `verity check` first.');
        for (const result of results) console.log(formatRecheck(result));
      } finally {
        await store.close();
      }
    });
}
