import fs from 'node:fs';
import path from 'node:path';
import { WARCRecord, WARCSerializer } from 'warcio';
import { ingestSources } from '../../src/ingest/ingest-sources.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { table } from './stats.js';

/**
 * Writes a per-record-gzip WARC of about `megabytes` MB of real news pages (each page made unique
 * by a marker paragraph, so nothing is skipped as a duplicate), ingests it, and samples the
 * process's RSS while it runs: memory must stay flat as the file grows.
 */
export async function benchWarcMemory(shared: string, workDir: string, megabytes: number): Promise<string> {
  const pagesDir = path.join(shared, 'data', 'readability-test-pages', 'test', 'test-pages');
  const pages = [
    'nytimes-1',
    'bbc-1',
    'guardian-1',
    'wapo-1',
    'cnn',
    'telegraph',
    'seattletimes-1',
    'salon-1',
  ].map((name) => fs.readFileSync(path.join(pagesDir, name, 'source.html'), 'utf8'));
  fs.mkdirSync(workDir, { recursive: true });
  const file = path.join(workDir, 'news.warc.gz');
  const out = fs.openSync(file, 'w');
  let written = 0;
  let records = 0;
  let raw = 0;
  while (raw < megabytes * 1e6) {
    // A marker in every paragraph makes each copy distinct content, so nothing is skipped as a duplicate.
    const html = pages[records % pages.length]!.replace(/<p>/g, `<p>[copy ${records}] `);
    raw += Buffer.byteLength(html);
    const record = WARCRecord.create(
      {
        url: `https://news.example/archive/${records}`,
        date: '2025-10-19T10:00:00Z',
        type: 'response',
        warcVersion: 'WARC/1.1',
        httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' },
      },
      (async function* () {
        yield new TextEncoder().encode(html);
      })(),
    );
    const bytes = await WARCSerializer.serialize(record, { gzip: true });
    fs.writeSync(out, bytes);
    written += bytes.length;
    records++;
  }
  fs.closeSync(out);

  const db = path.join(workDir, 'warc.db');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(db + suffix, { force: true });
  const store = createSqliteStore({ path: db });
  const samples: number[] = [];
  const heap: number[] = [];
  const baseline = process.memoryUsage().rss;
  // With --expose-gc (npm run bench passes it) live heap is sampled after a full collection: the honest measure of retention.
  const gc = (globalThis as { gc?: () => void }).gc;
  const timer = setInterval(() => {
    samples.push(process.memoryUsage().rss);
    gc?.();
    heap.push(process.memoryUsage().heapUsed);
  }, 250);
  const start = performance.now();
  const summary = await ingestSources([file], { store, maxFileBytes: 20e6 });
  const seconds = (performance.now() - start) / 1000;
  clearInterval(timer);
  await store.close();
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const peakEarly = Math.max(...samples.slice(0, quarter)) / 1e6;
  const peakLate = Math.max(...samples.slice(-quarter)) / 1e6;
  const heapEarly = Math.max(...heap.slice(0, quarter)) / 1e6;
  const heapLate = Math.max(...heap.slice(-quarter)) / 1e6;
  return table(
    [
      'WARC.gz MB',
      'uncompressed MB',
      'records',
      'stored',
      'failed',
      'seconds',
      'MB/s (uncompressed)',
      'RSS before MB',
      'peak RSS, first quarter MB',
      'peak RSS, last quarter MB',
      `peak heap${gc ? ' after GC' : ''}, first / last quarter MB`,
    ],
    [
      [
        (written / 1e6).toFixed(0),
        (raw / 1e6).toFixed(0),
        records,
        summary.added,
        summary.failed,
        seconds.toFixed(1),
        (raw / 1e6 / seconds).toFixed(2),
        (baseline / 1e6).toFixed(0),
        peakEarly.toFixed(0),
        peakLate.toFixed(0),
        `${heapEarly.toFixed(0)} / ${heapLate.toFixed(0)}`,
      ],
    ],
  );
}
