/**
 * `npm run eval:hostile`: every case of the hostile-input suite (scripts/lib/hostile-cases.ts),
 * each in a batch with an ordinary article after it: one row per case saying how it was
 * handled, with what message, in how long, and whether the article after it was stored.
 * `--only <text>` runs the cases whose name holds the text. Exits 1 when a case is mishandled.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { HOSTILE_CASES, runHostileCase, startHostileServer } from './lib/hostile-cases.js';
import { table } from './lib/stats.js';

const { values: flags } = parseArgs({ options: { only: { type: 'string' } } });
const cases = HOSTILE_CASES.filter((hostile) => !flags.only || hostile.name.includes(flags.only));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-hostile-'));
const server = await startHostileServer();
const rows: Array<Array<string | number>> = [];
let mishandled = 0;
try {
  for (const hostile of cases) {
    const outcome = await runHostileCase(hostile, { dir, server: server.url });
    if (!outcome.ok) mishandled += 1;
    rows.push([
      outcome.name,
      outcome.handled,
      outcome.message.replace(/\|/g, '\\|').replace(/\s+/g, ' ') || '–',
      outcome.seconds.toFixed(2),
      outcome.articlesStored,
      outcome.controlStored ? 'yes' : '**no**',
      outcome.ok ? 'ok' : `**${outcome.problem}**`,
    ]);
    console.error(`${outcome.ok ? 'ok  ' : 'FAIL'} ${outcome.name} (${outcome.seconds.toFixed(2)} s)`);
  }
} finally {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(
  `# Verity hostile-input suite — ${new Date().toISOString().slice(0, 10)}: ${cases.length} cases, each followed by an ordinary article in the same batch\n`,
);
console.log(
  table(
    [
      'case',
      'handled',
      'message',
      'seconds',
      'articles stored from it',
      'article after it stored',
      'verdict',
    ],
    rows,
  ),
);
console.log(`\n${cases.length - mishandled} of ${cases.length} cases handled as expected.`);
if (mishandled > 0) process.exitCode = 1;
