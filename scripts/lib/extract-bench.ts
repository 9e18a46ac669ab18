import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Piscina } from 'piscina';
import { extractHtml } from '../../src/extract/extract-html.js';
import { median, table } from './stats.js';
import { plainReadability } from './plain-readability.js';

/** The real news pages of ../shared: readability test pages and trafilatura's English eval pages. */
function loadPages(shared: string): string[] {
  const pagesDir = path.join(shared, 'data', 'readability-test-pages', 'test', 'test-pages');
  const pages = fs
    .readdirSync(pagesDir)
    .map((name) => fs.readFileSync(path.join(pagesDir, name, 'source.html'), 'utf8'));
  const traf = path.join(shared, 'data', 'trafilatura-eval-en', 'html');
  for (const name of fs.readdirSync(traf))
    pages.push(zlib.gunzipSync(fs.readFileSync(path.join(traf, name))).toString('utf8'));
  return pages;
}

/** Extraction throughput: plain Readability (baseline), Verity on one core, Verity on worker threads. */
export async function benchExtraction(shared: string, rounds = 3): Promise<string> {
  const pages = loadPages(shared);
  const megabytes = pages.reduce((sum, page) => sum + Buffer.byteLength(page), 0) / 1e6;
  const time = async (run: () => Promise<void> | void) => {
    const seconds: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const start = performance.now();
      await run();
      seconds.push((performance.now() - start) / 1000);
    }
    return median(seconds);
  };
  const baseline = await time(() => pages.forEach((page) => plainReadability(page)));
  const single = await time(() => pages.forEach((page) => extractHtml(page)));
  const threads = Math.max(2, os.availableParallelism());
  const pool = new Piscina({
    filename: new URL('../../src/extract/extract-worker.js', import.meta.url).href,
    maxThreads: threads,
    minThreads: threads,
  });
  await Promise.all(
    pages.slice(0, threads * 2).map((html) => pool.run({ content: html, kind: 'html', url: null })),
  );
  const parallel = await time(async () => {
    await Promise.all(pages.map((html) => pool.run({ content: html, kind: 'html', url: null })));
  });
  await pool.destroy();
  const row = (name: string, seconds: number) => [
    name,
    pages.length,
    megabytes.toFixed(1),
    seconds.toFixed(2),
    (pages.length / seconds).toFixed(1),
    (megabytes / seconds).toFixed(2),
    (baseline / seconds).toFixed(2),
  ];
  return table(
    ['extractor', 'pages', 'MB', 'median s', 'pages/s', 'MB/s', '× baseline speed'],
    [
      row('baseline: plain Readability over linkedom, 1 core', baseline),
      row('Verity extract, 1 core', single),
      row(`Verity extract, ${threads} worker threads (piscina)`, parallel),
    ],
  );
}
