import type { Command } from 'commander';
import { checkClaim } from '../check-claim.js';
import { storeCheck } from '../checks/store-check.js';
import { loadConfig, DB_OPTION_HELP } from '../config.js';
import { loadSourcePolicy } from '../assess/source-quality.js';
import { renderReport, REPORT_FORMATS } from '../render/render-report.js';
import { createStore } from '../store/create-store.js';
import { configuredVectors } from '../retrieve/word-vectors.js';
import { LLM_ROLES, parseRoles } from '../llm/language-model.js';
import { requireLanguageModel } from '../llm/create-language-model.js';

/** One line on stderr about what the model did: calls, verified sentences, what was dropped. */
function describeLlm(llm: NonNullable<Awaited<ReturnType<typeof checkClaim>>['llm']>): string {
  const calls = Object.values(llm.usage).reduce((sum, row) => sum + row.calls, 0);
  return `${llm.kind}:${llm.model} as ${llm.roles.join(', ')}: ${calls} call${calls === 1 ? '' : 's'}, ${llm.written} sentence${llm.written === 1 ? '' : 's'} rewritten, ${llm.dropped.length} dropped by verification${llm.failures.length ? `, ${llm.failures.length} failed (${llm.failures[0]!.message})` : ''}${llm.judge ? `; judge ${llm.judge.accepted ? 'accepted' : 'overruled'}` : ''}`;
}

export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description('check a question or claim against the corpus, print a cited report, and store it')
    .argument('<question>', 'a question ("Did X do Y?") or a claim ("X did Y")')
    .option('--db <path-or-url>', DB_OPTION_HELP)
    .option('--format <format>', `output format: ${REPORT_FORMATS.join(' | ')}`, 'markdown')
    .option(
      '--as-of <date>',
      'check as of this date (YYYY-MM-DD): fixes the printed date, leaves out later articles',
    )
    .option('--no-save', 'do not store the check')
    .option(
      '--source-policy <file>',
      'JSON file of outlet domains with a tier (high, standard, low) and a note; low ones never carry the core reporting (default: $VERITY_SOURCE_POLICY)',
    )
    .option(
      '--llm <roles>',
      `language-model roles, comma-separated: ${LLM_ROLES.join(', ')}, all or off (default: $VERITY_LLM_ROLES, else off; the model: $VERITY_LLM_URL + $VERITY_LLM_MODEL or $VERITY_LLM_GGUF)`,
    )
    .action(
      async (
        question: string,
        options: {
          db?: string;
          format: string;
          asOf?: string;
          save: boolean;
          sourcePolicy?: string;
          llm?: string;
        },
      ) => {
        const config = loadConfig({
          dbPath: options.db,
          ...(options.sourcePolicy ? { sourcePolicy: options.sourcePolicy } : {}),
          ...(options.llm !== undefined ? { llmRoles: parseRoles(options.llm) } : {}),
        });
        const sourcePolicy = config.sourcePolicy ? loadSourcePolicy(config.sourcePolicy) : undefined;
        const model = requireLanguageModel(config, config.llmRoles, (line) =>
          console.error(`verity: ${line}`),
        );
        const store = createStore(config);
        try {
          const report = await checkClaim(question, {
            store,
            asOf: options.asOf,
            methodUrl: config.methodUrl,
            vectors: configuredVectors(config),
            sourcePolicy,
            llm: model ? { model, roles: config.llmRoles } : undefined,
          });
          if (report.llm) console.error(`verity: ${describeLlm(report.llm)}`);
          process.stdout.write(renderReport(report, options.format));
          if (options.save) {
            const check = await storeCheck(store, report, new Date());
            console.error(`verity: stored as check ${check.id} (verity show ${check.id})`);
          }
        } finally {
          await store.close();
        }
      },
    );
}
