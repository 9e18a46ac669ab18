import { splitPassages } from '../analyze/split-passages.js';
import { DEFAULT_LIMITS, type VerityConfig } from '../config.js';
import { dateInUrl } from '../extract/parse-date.js';
import { InputError } from '../errors.js';
import { inProcessExtractor, type Extractor } from '../extract/extraction-pool.js';
import type { Store } from '../store/store.js';
import type { ExtractedArticle } from '../types.js';
import { contentHash } from './content-hash.js';
import { findSyndication } from './find-syndication.js';
import { DEFAULT_FETCH_LIMITS, type Fetcher } from './fetcher.js';
import { createHttpFetcher } from './http-fetcher.js';
import { fileItems, urlItems, type IngestItem, type SourceContext } from './item-sources.js';
import { walkInputs } from './walk-inputs.js';

export type ItemStatus = 'added' | 'updated' | 'skipped' | 'failed';

export interface IngestItemResult {
  source: string;
  status: ItemStatus;
  /** Why the item failed, or what was odd about it (a guessed encoding). */
  reason?: string;
}

export interface IngestSummary {
  added: number;
  updated: number;
  skipped: number;
  failed: number;
  /** Every failed item with its source and reason (successes are counted, not listed). */
  failures: IngestItemResult[];
  warnings: IngestItemResult[];
}

export interface IngestOptions {
  store: Store;
  /** Largest file, page or JSONL line accepted, in bytes. */
  maxFileBytes: number;
  /** Gets URLs (pages, feeds, sitemaps, feed entries). Default: the HTTP fetcher with default limits. */
  fetcher?: Fetcher;
  /** ISO date (YYYY-MM-DD): feed entries and sitemap URLs dated earlier are left out. */
  since?: string;
  /** Called after each item and each source argument. */
  onProgress?: (progress: { sourcesDone: number; sourcesTotal: number; itemsDone: number }) => void;
  /** Injected clock, for reproducible tests. Default: `() => new Date()`. */
  now?: () => Date;
  /** Where pages are extracted: worker threads (extraction-pool.ts) or, by default, this thread. */
  extractor?: Extractor;
  /** Most sentences one article may hold; a longer one fails alone. Default 20,000. */
  maxSentencesPerArticle?: number;
  /** Most entries read from one feed or sitemap. Default 5,000. */
  maxFeedEntries?: number;
}

/** The per-item budgets of a configuration, as ingest options. */
export function itemLimitsOf(
  config: Pick<VerityConfig, 'maxSentencesPerArticle' | 'maxFeedEntries'>,
): Pick<IngestOptions, 'maxSentencesPerArticle' | 'maxFeedEntries'> {
  return { maxSentencesPerArticle: config.maxSentencesPerArticle, maxFeedEntries: config.maxFeedEntries };
}

const URL_ARGUMENT = /^https?:\/\//i;

/**
 * Ingests sources — files and directories (recursively), URLs of pages, feeds and sitemaps,
 * WARC files, JSONL — recognising each kind from the argument and its content. Every article is
 * extracted, split and stored in its own transaction; every failure is reported with its source.
 */
export async function ingestSources(sources: string[], options: IngestOptions): Promise<IngestSummary> {
  const now = options.now ?? (() => new Date());
  if (options.since && !/^\d{4}-\d{2}-\d{2}$/.test(options.since)) {
    throw new InputError('--since', `--since must be a date like 2025-10-01, got "${options.since}"`);
  }
  const extractor = options.extractor ?? inProcessExtractor;
  const context: SourceContext = {
    extractor,
    fetcher:
      options.fetcher ?? createHttpFetcher({ ...DEFAULT_FETCH_LIMITS, maxBytes: options.maxFileBytes }),
    maxFileBytes: options.maxFileBytes,
    since: options.since ?? null,
    maxFeedEntries: options.maxFeedEntries ?? DEFAULT_LIMITS.maxFeedEntries,
  };
  const maxSentences = options.maxSentencesPerArticle ?? DEFAULT_LIMITS.maxSentencesPerArticle;
  const summary: IngestSummary = { added: 0, updated: 0, skipped: 0, failed: 0, failures: [], warnings: [] };
  const record = (result: IngestItemResult) => {
    summary[result.status]++;
    if (result.status === 'failed') summary.failures.push(result);
    else if (result.reason) summary.warnings.push(result);
  };
  const store = async (source: string, article: ExtractedArticle): Promise<ItemStatus> => {
    if (article.text.trim() === '') throw new InputError(source, 'no article text found in it');
    const hash = contentHash(article);
    if (await options.store.hasContent(hash)) return 'skipped';
    const passages = splitPassages(article.text);
    const sentences = passages.reduce((sum, passage) => sum + passage.sentences.length, 0);
    if (sentences > maxSentences)
      throw new InputError(
        source,
        `holds ${sentences.toLocaleString('en-US')} sentences, more than the ${maxSentences.toLocaleString('en-US')} one article may (VERITY_MAX_SENTENCES raises the limit); skipped`,
      );
    const syndication = await findSyndication(options.store, article.text);
    // An undated article is dated by its address where that carries the day (after hashing, so
    // that an article stored before this rule is not read as changed).
    const dated = article.published ? article : { ...article, published: dateInUrl(article.url) };
    return options.store.putArticle(
      {
        source,
        article: dated,
        contentHash: hash,
        passages,
        signature: syndication.signature,
        bandKeys: syndication.bandKeys,
        syndicateWith: syndication.match?.articleId,
      },
      now(),
    );
  };

  const urls = sources.filter((source) => URL_ARGUMENT.test(source));
  const paths = await walkInputs(sources.filter((source) => !URL_ARGUMENT.test(source)));
  const streams: Array<() => AsyncGenerator<IngestItem>> = [
    ...urls.map((url) => () => urlItems(url, context)),
    ...paths.map((input) =>
      input instanceof InputError
        ? async function* (): AsyncGenerator<IngestItem> {
            yield { source: input.source, error: input.message };
          }
        : () => fileItems(input.path, context),
    ),
  ];
  // Items are taken from the sources in order while up to `parallelism` of them are still being
  // extracted; each is stored when its turn comes, so the store sees them in source order.
  const inFlight: Array<{ item: IngestItem; stream: number }> = [];
  let itemsDone = 0;
  const settle = async ({ item, stream }: { item: IngestItem; stream: number }) => {
    if ('error' in item) {
      record({ source: item.source, status: 'failed', reason: item.error });
    } else {
      try {
        const status = await store(item.source, await item.article);
        record({ source: item.source, status, reason: status === 'failed' ? undefined : item.warning });
      } catch (error) {
        const reason =
          error instanceof InputError ? error.message : `unexpected error: ${(error as Error).message}`;
        record({ source: item.source, status: 'failed', reason });
      }
    }
    itemsDone++;
    options.onProgress?.({ sourcesDone: stream, sourcesTotal: streams.length, itemsDone });
  };
  for (const [index, stream] of streams.entries()) {
    for await (const item of stream()) {
      inFlight.push({ item, stream: index });
      if (inFlight.length > extractor.parallelism) await settle(inFlight.shift()!);
    }
  }
  while (inFlight.length > 0) await settle(inFlight.shift()!);
  options.onProgress?.({ sourcesDone: streams.length, sourcesTotal: streams.length, itemsDone });
  return summary;
}
