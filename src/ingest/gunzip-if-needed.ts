import zlib from 'node:zlib';
import { InputError } from '../errors.js';

const MB = 1024 * 1024;

/** Unpacks gzip bytes (recognised by their magic number, whatever the name says), capped at `maxBytes`. */
export function gunzipIfNeeded(source: string, bytes: Uint8Array, maxBytes: number): Uint8Array {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return zlib.gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    const tooBig = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
    throw new InputError(
      source,
      tooBig
        ? `unpacks to more than the ${(maxBytes / MB).toFixed(1)} MB limit; raise it with --max-file-bytes`
        : `is not valid gzip (${(error as Error).message}); re-download or unpack it`,
      { cause: error },
    );
  }
}
