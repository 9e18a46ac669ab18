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
    if (length > maxBytes) {
      await record.skipFully();
      yield { url, error: `record is ${length} bytes, over the ${maxBytes}-byte limit` };
      continue;
    }
    const bytes = await record.readFully(true);
    const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1]?.toLowerCase() ?? null;
    yield { url, capturedAt: record.warcDate ?? null, charset, bytes };
  }
}
