import type { Command } from 'commander';
import { withStatus } from '../checks/store-check.js';
import { loadConfig, DB_OPTION_HELP } from '../config.js';
import { UsageError } from '../errors.js';
import { renderReport, REPORT_FORMATS } from '../render/render-report.js';
import { createStore } from '../store/create-store.js';

export function registerShowCommand(program: Command): void {
  program
    .command('show')
    .description(
      'print a stored check in any format (marked "may be outdated" when the corpus has moved on); without an id, list the checks',
    )
    .argument('[id]', 'check id, as `verity check` printed it')
    .option('--db <path-or-url>', DB_OPTION_HELP)
    .option('--format <format>', `output format: ${REPORT_FORMATS.join(' | ')}`, 'markdown')
    .action(async (id: string | undefined, options: { db?: string; format: string }) => {
      const store = createStore(loadConfig({ dbPath: options.db }));
      try {
        if (!id) {
          for (const check of await store.latestChecks()) {
            const report = await withStatus(check, store);
            console.log(
              `${check.id}  ${check.asOf}  ${report.verdict.label.padEnd(12)} ${report.status?.outdated ? 'may be outdated  ' : ''}${check.question}`,
            );
          }
          return;
        }
        const check = await store.getCheck(id);
        if (!check)
          throw new UsageError(`No stored check has the id ${id}; run \`verity show\` to list them.`);
        process.stdout.write(renderReport(await withStatus(check, store), options.format));
      } finally {
        await store.close();
      }
    });
}
