#!/usr/bin/env node
import { Command } from 'commander';
import { VerityError } from '../errors.js';
import { registerCheckCommand } from './check-command.js';
import { registerEvalCommand } from './eval-command.js';
import { registerExtractCommand } from './extract-command.js';
import { registerIngestCommand } from './ingest-command.js';
import { registerRecheckCommand } from './recheck-command.js';
import { registerReindexCommand } from './reindex-command.js';
import { registerDoctorCommand } from './doctor-command.js';
import { registerServeCommand } from './serve-command.js';
import { registerShowCommand } from './show-command.js';
import { registerWorkerCommand } from './worker-command.js';

const program = new Command()
  .name('verity')
  .description(
    'Verity: check claims about the news against a corpus of reporting, with every sentence cited.',
  )
  .version('0.1.0');
registerIngestCommand(program);
registerCheckCommand(program);
registerExtractCommand(program);
registerEvalCommand(program);
registerShowCommand(program);
registerRecheckCommand(program);
registerServeCommand(program);
registerWorkerCommand(program);
registerReindexCommand(program);
registerDoctorCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  // Known errors already say what to do; anything else is a bug worth a stack trace.
  if (error instanceof VerityError) console.error(`verity: ${error.message}`);
  else console.error(error);
  process.exitCode = 1;
});
