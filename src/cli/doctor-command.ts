import type { Command } from 'commander';
import { databaseLabel, DB_OPTION_HELP, loadConfig } from '../config.js';
import { createStore } from '../store/create-store.js';

/**
 * `verity doctor`: checks that the database's rows and its search structures agree (the
 * full-text index or postings, the change log, the corpus counts, the in-process index file)
 * and, with --repair, mends them. Exit code 0 when all is well (or repaired), 1 when not.
 */
export function registerDoctorCommand(program: Command): void {
  program
    .command('doctor')
    .description('check that the articles, passages and search indexes agree; --repair mends what it finds')
    .option('--db <path-or-url>', DB_OPTION_HELP)
    .option('--repair', 'mend what the checks find (rebuild indexes, fix counts, log missing changes)')
    .option('--json', 'print the findings as JSON')
    .action(async (options: { db?: string; repair?: boolean; json?: boolean }) => {
      const config = loadConfig({ dbPath: options.db });
      const store = createStore(config);
      try {
        const findings = await store.checkIntegrity(Boolean(options.repair));
        const unresolved = findings.filter((finding) => finding.problems > 0 && !finding.repaired);
        if (options.json) console.log(JSON.stringify({ database: databaseLabel(config), findings }, null, 2));
        else {
          console.log(`verity doctor: ${databaseLabel(config)} (${store.kind})`);
          for (const finding of findings) {
            const mark = finding.problems === 0 ? 'ok      ' : finding.repaired ? 'repaired' : 'PROBLEM ';
            console.log(`  ${mark} ${finding.check}: ${finding.detail}`);
          }
          console.log(
            unresolved.length === 0
              ? 'All checks pass.'
              : `${unresolved.length} checks found problems; run verity doctor --repair.`,
          );
        }
        if (unresolved.length > 0) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
}
