/** Verity's library entry point: the same functions the CLI and the HTTP API call. */
export { checkClaim, type CheckOptions } from './check-claim.js';
export { loadConfig, type VerityConfig } from './config.js';
export { InputError, StoreError, UsageError, VerityError } from './errors.js';
export { extractArticle } from './extract/extract-article.js';
export { ingestSources, type IngestOptions, type IngestSummary } from './ingest/ingest-sources.js';
export { createHttpFetcher } from './ingest/http-fetcher.js';
export type { Fetcher, FetchedResource } from './ingest/fetcher.js';
export { renderReport, REPORT_FORMATS, type ReportFormat } from './render/render-report.js';
export { createStore } from './store/create-store.js';
export type { Store } from './store/store.js';
export * from './types.js';
