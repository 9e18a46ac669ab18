import fs from 'node:fs';
import { Piscina } from 'piscina';
import { InputError } from '../errors.js';
import type { ArticleKind } from '../ingest/detect-input-kind.js';
import type { ExtractedArticle } from '../types.js';
import { extractArticle } from './extract-article.js';
import { DEFAULT_MARKUP_LIMITS } from './extract-html.js';
import type { MarkupLimits } from './measure-markup.js';
import type { VerityConfig } from '../config.js';
import type { ExtractOutcome } from './extract-worker.js';

/**
 * Where pages are extracted: in worker threads, so that ingest uses every core and a page that
 * takes too long (200,000 nested elements, say) is stopped — its thread terminated and replaced —
 * and fails alone; or on this thread (library use, tests run from source).
 */
export interface Extractor {
  extract(source: string, content: string, kind: ArticleKind, url: string | null): Promise<ExtractedArticle>;
  /** Pages it can work on at once (ingest keeps this many in flight). */
  readonly parallelism: number;
  close(): Promise<void>;
}

/** Extracts on this thread: no deadline can stop a page here, only the markup budget. */
export function createInProcessExtractor(limits: MarkupLimits = DEFAULT_MARKUP_LIMITS): Extractor {
  return {
    parallelism: 1,
    async extract(source, content, kind, url) {
      try {
        return extractArticle(content, kind, url, limits);
      } catch (error) {
        // Extraction's own refusals carry no source; the item's is added here.
        if (error instanceof InputError && error.source === '') throw new InputError(source, error.message);
        throw error;
      }
    },
    close: async () => {},
  };
}

export const inProcessExtractor: Extractor = createInProcessExtractor();

export interface ExtractionPoolOptions {
  threads: number;
  /** Longest one page may take, in ms. */
  timeoutMs: number;
  /** Element and depth budget checked before a page is parsed. */
  limits?: MarkupLimits;
}

/** The worker's compiled file, beside this one once built (`dist/`); absent when running from source. */
const WORKER_FILE = new URL('./extract-worker.js', import.meta.url);

export function canUseWorkers(): boolean {
  return WORKER_FILE.protocol === 'file:' && fs.existsSync(WORKER_FILE);
}

export function createExtractionPool(options: ExtractionPoolOptions): Extractor {
  if (!canUseWorkers()) return inProcessExtractor;
  const pool = new Piscina({
    filename: WORKER_FILE.href,
    minThreads: options.threads,
    maxThreads: options.threads,
  });
  const seconds = Math.round(options.timeoutMs / 100) / 10;
  return {
    parallelism: options.threads,
    async extract(source, content, kind, url) {
      let outcome: ExtractOutcome;
      try {
        outcome = (await pool.run(
          { content, kind, url, limits: options.limits ?? DEFAULT_MARKUP_LIMITS },
          { signal: AbortSignal.timeout(options.timeoutMs) },
        )) as ExtractOutcome;
      } catch (error) {
        if ((error as Error).name === 'AbortError')
          throw new InputError(
            source,
            `took longer than ${seconds} s to extract (VERITY_EXTRACT_TIMEOUT_MS raises the limit); skipped`,
          );
        throw error;
      }
      if ('article' in outcome) return outcome.article;
      // The worker's message already names the problem (InputError messages carry no source prefix).
      throw outcome.input ? new InputError(source, outcome.error) : new Error(outcome.error);
    },
    close: () => pool.destroy(),
  };
}

/** The extractor a configuration asks for: worker threads with a deadline, or this thread when `extractThreads` is 0. */
export function extractorFor(
  config: Pick<VerityConfig, 'extractThreads' | 'extractTimeoutMs' | 'maxDomElements' | 'maxDomDepth'>,
): Extractor {
  const limits = { maxElements: config.maxDomElements, maxDepth: config.maxDomDepth };
  return config.extractThreads > 0
    ? createExtractionPool({ threads: config.extractThreads, timeoutMs: config.extractTimeoutMs, limits })
    : createInProcessExtractor(limits);
}
