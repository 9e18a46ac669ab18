import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sharedDir } from '../../src/config.js';

export const SHARED = sharedDir();
export const HAS_SHARED = fs.existsSync(path.join(SHARED, 'data'));
if (!HAS_SHARED) {
  console.warn(
    `\n!!! ../shared NOT FOUND at ${SHARED}: tests on real data are SKIPPED. CI always has it. !!!\n`,
  );
}

export const READABILITY_PAGES = path.join(SHARED, 'data', 'readability-test-pages', 'test', 'test-pages');
export const SEED_ARTICLE = path.join(SHARED, 'seeds', '000_50b43f6c831de683.txt');

/** A fresh temporary folder for one test file. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `verity-${prefix}-`));
}
