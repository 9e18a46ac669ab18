import fs from 'node:fs';
import { WARCParser } from 'warcio';

/** One archived HTML page from a WARC file. */
export interface WarcPage {
  /** WARC-Target-URI. */
  url: string;
  /** WARC-Date, ISO. */
  capturedAt: string | null;
  charset: string | null;
  bytes: Uint8Array;
}

function isGzip(filePath: string): boolean {
  const head = Buffer.alloc(2);
  const fd = fs.openSync(filePath, 'r');
  try {
    fs.readSync(fd, head, 0, 2, 0);
  } finally {
    fs.closeSync(fd);
  }
  return head[0] === 0x1f && head[1] === 0x8b;
}

const HTML = /^(text\/html|application\/xhtml\+xml)/i;

/**
 * Streams the HTML pages out of a WARC or WARC.gz file (per-record gzip as Common Crawl and CC-NEWS
 * write it, whole-file gzip, or plain) with warcio: response records with an HTML payload (chunked
 * and content-encoded bodies decoded) and HTML resource records. One record is in memory at a time.
 */
export async function* readWarcPages(
  filePath: string,
  maxBytes: number,
): AsyncGenerator<WarcPage | { url: string; error: string }> {
  // A plain file's size bounds every record in it (a gzipped one's does not: lengths are unpacked).
  const fileBytes = isGzip(filePath) ? Infinity : fs.statSync(filePath).size;
  const parser = new WARCParser(fs.createReadStream(filePath));
  for await (const record of parser) {
    if (record.warcType !== 'response' && record.warcType !== 'resource') continue;
    const contentType =
      (record.warcType === 'response'
        ? record.httpHeaders?.headers.get('content-type')
        : record.warcHeader('Content-Type')) ?? '';
    if (!HTML.test(contentType)) continue;
    const url = (record.warcTargetURI ?? '').replace(/^<|>$/g, '');
    const status = record.httpHeaders?.statusCode;
    if (status !== undefined && (Number(status) < 200 || Number(status) >= 300)) continue;
    const length = Number(record.warcHeader('Content-Length') ?? 0);
    if (length > fileBytes) {
      // A record longer than the whole file is cut off or its Content-Length lies: nothing after it
      // can be found, and warcio's skip would spin for ever on the missing bytes.
      yield {
        url,
        error: `record says it is ${length} bytes, more than the ${fileBytes}-byte file holds (truncated, or its Content-Length is wrong); the rest of the file was not read`,
      };
      return;
    }
    if (length > maxBytes) {
      // Read through and dropped a chunk at a time (the stream ends at the end of the file).
      for await (const chunk of record) void chunk;
      yield { url, error: `record is ${length} bytes, over the ${maxBytes}-byte limit` };
      continue;
    }
    const bytes = await record.readFully(true);
    const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1]?.toLowerCase() ?? null;
    yield { url, capturedAt: record.warcDate ?? null, charset, bytes };
  }
}
