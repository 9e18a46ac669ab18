import fs from 'node:fs/promises';
import { InputError } from '../errors.js';
import { decodeBytes, type DecodedText } from './decode-bytes.js';
import { gunzipIfNeeded } from './gunzip-if-needed.js';

const MB = 1024 * 1024;

/** Share of control bytes (other than tab, newline, carriage return, form feed) above which a file is binary. */
export const BINARY_CONTROL_SHARE = 0.02;

export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12) control++;
  }
  return sample.length > 0 && control / sample.length > BINARY_CONTROL_SHARE;
}

/** Reads and decodes one input file, refusing empty, oversized and binary files with a clear reason. */
export async function readInputFile(filePath: string, maxBytes: number): Promise<DecodedText> {
  const stat = await fs.stat(filePath);
  if (stat.size > maxBytes) {
    throw new InputError(
      filePath,
      `file is ${(stat.size / MB).toFixed(1)} MB, over the ${(maxBytes / MB).toFixed(1)} MB limit; ` +
        'raise it with --max-file-bytes or VERITY_MAX_FILE_BYTES if this file is really one article',
    );
  }
  let bytes: Uint8Array = await fs.readFile(filePath);
  bytes = gunzipIfNeeded(filePath, bytes, maxBytes);
  if (bytes.length === 0 || Buffer.from(bytes).toString('utf8').trim() === '') {
    throw new InputError(filePath, 'file is empty; nothing to ingest');
  }
  if (looksBinary(bytes)) {
    throw new InputError(
      filePath,
      'file looks binary (it holds NUL or control bytes); Verity ingests HTML, plain text, Markdown and JSONL',
    );
  }
  return decodeBytes(bytes);
}
