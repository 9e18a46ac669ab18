import fs from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import { inputKindFromPath } from './detect-input-kind.js';

export interface InputFile {
  path: string;
  /** True when the user named the file itself (then an unknown extension is still tried). */
  explicit: boolean;
}

/**
 * Expands the paths a user gave into files, in a stable (sorted) order. Directories are walked
 * recursively and yield only files whose extension Verity reads; hidden entries are skipped.
 * A path that does not exist is returned as an error item, not thrown, so the batch goes on.
 */
export async function walkInputs(paths: string[]): Promise<Array<InputFile | InputError>> {
  const out: Array<InputFile | InputError> = [];
  for (const given of paths) {
    let stat;
    try {
      stat = await fs.stat(given);
    } catch (error) {
      out.push(new InputError(given, 'no such file or directory; check the path', { cause: error }));
      continue;
    }
    if (stat.isDirectory()) {
      for (const file of await listDirectory(given)) out.push({ path: file, explicit: false });
    } else {
      out.push({ path: given, explicit: true });
    }
  }
  return out;
}

async function listDirectory(directory: string): Promise<string[]> {
  const entries = await fs.readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter(
      (file) =>
        !path
          .relative(directory, file)
          .split(path.sep)
          .some((part) => part.startsWith('.')),
    )
    .filter((file) => inputKindFromPath(file) !== null)
    .sort();
}
