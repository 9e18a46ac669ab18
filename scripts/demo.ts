/**
 * The README's first command: builds the sample corpus from ../shared, ingests it into a fresh
 * database with the real CLI, and checks a question that corpus can answer.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot, sharedDir } from '../src/config.js';
import { buildSampleCorpus } from './lib/sample-corpus.js';

const root = packageRoot();
const workDir = path.join(root, '.verity');
const db = path.join(workDir, 'demo.db');
const question =
  process.argv[2] ?? 'Did Rubio turn over DOJ MS-13 informants to get access to El Salvadoran prisons?';
const cli = path.join(root, 'dist', 'src', 'cli', 'main.js');

const corpus = buildSampleCorpus(sharedDir(), path.join(workDir, 'sample'));
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(db + suffix, { force: true });
console.error(`Sample corpus: ${corpus.articleCount} articles → ${db}`);
execFileSync(process.execPath, [cli, 'ingest', '--db', db, ...corpus.inputs], { stdio: 'inherit' });
console.error(`\n$ verity check --db ${path.relative(root, db)} "${question}"\n`);
execFileSync(process.execPath, [cli, 'check', '--db', db, question], { stdio: 'inherit' });
