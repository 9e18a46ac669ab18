import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type LlmRole, parseRoles } from './llm/language-model.js';

/** The one place that reads environment variables. Everything else receives a `VerityConfig`. */
export interface VerityConfig {
  /** SQLite database file. Default: `$VERITY_DB`, else `~/.verity/verity.db`. */
  dbPath: string;
  /**
   * A PostgreSQL URL (`postgres://…`): when set, the store is PostgreSQL and `dbPath` is not used.
   * Default: `$VERITY_DATABASE_URL`, else none (SQLite). `--db postgres://…` sets it too.
   */
  databaseUrl: string | null;
  /** Largest input file ingest accepts, in bytes. Default: `$VERITY_MAX_FILE_BYTES`, else 20 MB. */
  maxFileBytes: number;
  /** Where the method page lives; the report's disclaimer links to it. */
  methodUrl: string;
  /** Let ingest fetch private, loopback and link-local addresses. Default: `$VERITY_ALLOW_PRIVATE_URLS` = 1, else false. */
  allowPrivateUrls: boolean;
  /**
   * Non-public addresses ingest may fetch all the same (an intranet CMS), every other one still
   * refused. Default: `$VERITY_ALLOW_ADDRESSES` (comma-separated IPs), else none.
   */
  allowedAddresses: string[];
  /** Timeout for one fetch, in ms. Default: `$VERITY_FETCH_TIMEOUT_MS`, else 15,000. */
  fetchTimeoutMs: number;
  /** Bearer token for POST /api/ingest; ingest over HTTP is refused without one. Default: `$VERITY_INGEST_TOKEN`. */
  ingestToken: string | null;
  /** Supporter-goal banner text on the web page; none by default. `$VERITY_SUPPORTER_GOAL`. */
  supporterGoal: string | null;
  /** API requests per client per minute. Default: `$VERITY_RATE_LIMIT`, else 120. */
  rateLimitPerMinute: number;
  /** Longest time an API request may take before a 504, in ms. Default: `$VERITY_REQUEST_TIMEOUT_MS`, else 30,000. */
  requestTimeoutMs: number;
  /** Word-vector file (GloVe / word2vec text) for the ranking's vector slot. Default: `$VERITY_WORD_VECTORS`, else none. */
  wordVectors: string | null;
  /** Log-odds per unit of vector similarity added to the rank score. Default: `$VERITY_VECTOR_WEIGHT`, else 2. */
  vectorWeight: number;
  /** JSON file of outlet domains with a tier and a note (assess/source-quality.ts). Default: `$VERITY_SOURCE_POLICY`, else none. */
  sourcePolicy: string | null;
  /**
   * Search passages with the in-process BM25 index (src/search-index) rather than the database's
   * own full-text search: the same ranking, many times faster on large corpora. Default on;
   * `$VERITY_SEARCH_INDEX=off` turns it off.
   */
  searchIndex: boolean;
  /**
   * Where the index is saved between runs. Default: beside the SQLite file (`<db>.search-index`);
   * for PostgreSQL `$VERITY_INDEX_DIR`, else `~/.verity/search-index/`.
   */
  indexDir: string | null;
  /**
   * Worker threads that extract pages during ingest. Default: `$VERITY_EXTRACT_THREADS`, else one
   * fewer than the cores (at least 1); 0 extracts on the main thread.
   */
  extractThreads: number;
  /** Longest one page may take to extract, in ms, before it fails alone. Default: `$VERITY_EXTRACT_TIMEOUT_MS`, else 30,000. */
  extractTimeoutMs: number;
  /**
   * Most elements one HTML page may open before it is refused unparsed. Default:
   * `$VERITY_MAX_DOM_ELEMENTS`, else 200,000 (20× the largest of 260 test news pages, 9,888).
   */
  maxDomElements: number;
  /**
   * Deepest element nesting one HTML page may have before it is refused unparsed (parsers take
   * time quadratic in depth). Default: `$VERITY_MAX_DOM_DEPTH`, else 512 (the test pages reach 38).
   */
  maxDomDepth: number;
  /** Most sentences one article may hold; a longer one fails alone. Default: `$VERITY_MAX_SENTENCES`, else 20,000. */
  maxSentencesPerArticle: number;
  /** Most entries read from one feed or sitemap; the rest are reported, not fetched. Default: `$VERITY_MAX_FEED_ENTRIES`, else 5,000. */
  maxFeedEntries: number;
  /**
   * Worker threads `verity serve` runs checks on, each with its own store connection and copy of
   * the search index (memory grows with each). Default: `$VERITY_CHECK_WORKERS`, else one per
   * core; 0 runs checks on the main thread.
   */
  checkWorkers: number;
  /**
   * Checks the server holds waiting beyond those running; past that it answers 503 with
   * Retry-After. Default: `$VERITY_CHECK_QUEUE`, else 128.
   */
  checkQueue: number;
  /**
   * Largest old-generation heap of one check worker, in MB; a worker past it is replaced. Default:
   * `$VERITY_CHECK_WORKER_HEAP_MB`, else sized from the search index (server/check-runner.ts).
   */
  checkWorkerHeapMb: number | null;
  /**
   * An OpenAI-compatible chat endpoint's base URL for the optional language model, e.g.
   * `http://127.0.0.1:11434/v1` (Ollama). Default: `$VERITY_LLM_URL`, else none.
   */
  llmUrl: string | null;
  /** The model's name on that server. Default: `$VERITY_LLM_MODEL`, else none (required with a URL). */
  llmModel: string | null;
  /** Bearer token for the server; never logged or stored. Default: `$VERITY_LLM_KEY`, else none. */
  llmKey: string | null;
  /** Longest one model call may take, in ms. Default: `$VERITY_LLM_TIMEOUT_MS`, else 60,000. */
  llmTimeoutMs: number;
  /** A local GGUF model file run through node-llama-cpp instead of a server. Default: `$VERITY_LLM_GGUF`, else none. */
  llmGguf: string | null;
  /** CPU threads for the local model. Default: `$VERITY_LLM_THREADS`, else 1. */
  llmThreads: number;
  /** Roles the model takes in every check (writer, judge, planner). Default: `$VERITY_LLM_ROLES`, else none. */
  llmRoles: LlmRole[];
  /**
   * Where model answers are cached by model and prompt hash (reruns send nothing). Default:
   * `$VERITY_LLM_CACHE_DIR`, else `~/.verity/llm-cache/`; `off` keeps them in memory only.
   */
  llmCacheDir: string | null;
}

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;
export const DEFAULT_METHOD_URL = 'https://github.com/verity-news/verity/blob/main/docs/method.md';

/** Whether a `--db` value or `$VERITY_DATABASE_URL` names a PostgreSQL database rather than a SQLite file. */
export function isDatabaseUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

/** The database a configuration names, for messages: the PostgreSQL URL without its password, or the file. */
export function databaseLabel(config: Pick<VerityConfig, 'dbPath' | 'databaseUrl'>): string {
  return config.databaseUrl ? withoutPassword(config.databaseUrl) : config.dbPath;
}

export function withoutPassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/**
 * The file the search index is saved to: beside a SQLite file; for PostgreSQL one file per
 * database (named by a hash of its URL without the password) under the index folder.
 */
export function searchIndexFile(
  config: Pick<VerityConfig, 'dbPath' | 'databaseUrl'> & { indexDir?: string | null },
): string | null {
  if (config.databaseUrl) {
    const name = createHash('sha1').update(withoutPassword(config.databaseUrl)).digest('hex').slice(0, 16);
    return path.join(
      config.indexDir ?? path.join(os.homedir(), '.verity', 'search-index'),
      `${name}.search-index`,
    );
  }
  if (config.dbPath === ':memory:' || config.dbPath === '') return null;
  return config.indexDir
    ? path.join(config.indexDir, `${path.basename(config.dbPath)}.search-index`)
    : `${config.dbPath}.search-index`;
}

function nonNegativeInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a whole number of 0 or more, got "${raw}".`);
  return value;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = nonNegativeInteger(env, name, fallback);
  if (value === 0) throw new Error(`${name} must be a whole number of 1 or more, got "${env[name]}".`);
  return value;
}

/** The per-item budgets' defaults (see VerityConfig for what each holds and why). */
export const DEFAULT_LIMITS = {
  maxDomElements: 200_000,
  maxDomDepth: 512,
  maxSentencesPerArticle: 20_000,
  maxFeedEntries: 5_000,
} as const;

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.VERITY_DB ?? path.join(os.homedir(), '.verity', 'verity.db');
}

export function loadConfig(
  overrides: Partial<VerityConfig> = {},
  env: NodeJS.ProcessEnv = process.env,
): VerityConfig {
  const maxFromEnv = env.VERITY_MAX_FILE_BYTES ? Number(env.VERITY_MAX_FILE_BYTES) : undefined;
  if (maxFromEnv !== undefined && !(maxFromEnv > 0)) {
    throw new Error(
      `VERITY_MAX_FILE_BYTES must be a positive number of bytes, got "${env.VERITY_MAX_FILE_BYTES}".`,
    );
  }
  // An explicit --db wins: a file there means SQLite even when VERITY_DATABASE_URL is set.
  const databaseUrl =
    overrides.databaseUrl !== undefined
      ? overrides.databaseUrl
      : overrides.dbPath
        ? isDatabaseUrl(overrides.dbPath)
          ? overrides.dbPath
          : null
        : env.VERITY_DATABASE_URL || null;
  if (databaseUrl !== null && !isDatabaseUrl(databaseUrl)) {
    throw new Error(
      `VERITY_DATABASE_URL must be a PostgreSQL URL like postgres://user@host:5432/verity, got "${databaseUrl}".`,
    );
  }
  return {
    dbPath: overrides.dbPath && !isDatabaseUrl(overrides.dbPath) ? overrides.dbPath : defaultDbPath(env),
    databaseUrl,
    maxFileBytes: overrides.maxFileBytes ?? maxFromEnv ?? DEFAULT_MAX_FILE_BYTES,
    methodUrl: overrides.methodUrl ?? env.VERITY_METHOD_URL ?? DEFAULT_METHOD_URL,
    allowPrivateUrls:
      overrides.allowPrivateUrls ??
      ['1', 'true', 'yes'].includes((env.VERITY_ALLOW_PRIVATE_URLS ?? '').toLowerCase()),
    allowedAddresses:
      overrides.allowedAddresses ??
      (env.VERITY_ALLOW_ADDRESSES ?? '')
        .split(',')
        .map((address) => address.trim())
        .filter(Boolean),
    fetchTimeoutMs: overrides.fetchTimeoutMs ?? (Number(env.VERITY_FETCH_TIMEOUT_MS) || 15_000),
    ingestToken: overrides.ingestToken ?? (env.VERITY_INGEST_TOKEN || null),
    supporterGoal: overrides.supporterGoal ?? (env.VERITY_SUPPORTER_GOAL || null),
    rateLimitPerMinute: overrides.rateLimitPerMinute ?? (Number(env.VERITY_RATE_LIMIT) || 120),
    requestTimeoutMs: overrides.requestTimeoutMs ?? (Number(env.VERITY_REQUEST_TIMEOUT_MS) || 30_000),
    wordVectors: overrides.wordVectors ?? (env.VERITY_WORD_VECTORS || null),
    vectorWeight: overrides.vectorWeight ?? (Number(env.VERITY_VECTOR_WEIGHT) || 2),
    sourcePolicy: overrides.sourcePolicy ?? (env.VERITY_SOURCE_POLICY || null),
    searchIndex:
      overrides.searchIndex ??
      !['0', 'off', 'false', 'no'].includes((env.VERITY_SEARCH_INDEX ?? '').toLowerCase()),
    indexDir: overrides.indexDir ?? (env.VERITY_INDEX_DIR || null),
    extractThreads:
      overrides.extractThreads ??
      nonNegativeInteger(env, 'VERITY_EXTRACT_THREADS', Math.max(1, os.availableParallelism() - 1)),
    extractTimeoutMs:
      overrides.extractTimeoutMs ?? nonNegativeInteger(env, 'VERITY_EXTRACT_TIMEOUT_MS', 30_000),
    maxDomElements:
      overrides.maxDomElements ??
      positiveInteger(env, 'VERITY_MAX_DOM_ELEMENTS', DEFAULT_LIMITS.maxDomElements),
    maxDomDepth:
      overrides.maxDomDepth ?? positiveInteger(env, 'VERITY_MAX_DOM_DEPTH', DEFAULT_LIMITS.maxDomDepth),
    maxSentencesPerArticle:
      overrides.maxSentencesPerArticle ??
      positiveInteger(env, 'VERITY_MAX_SENTENCES', DEFAULT_LIMITS.maxSentencesPerArticle),
    maxFeedEntries:
      overrides.maxFeedEntries ??
      positiveInteger(env, 'VERITY_MAX_FEED_ENTRIES', DEFAULT_LIMITS.maxFeedEntries),
    checkWorkers:
      overrides.checkWorkers ?? nonNegativeInteger(env, 'VERITY_CHECK_WORKERS', os.availableParallelism()),
    checkQueue: overrides.checkQueue ?? nonNegativeInteger(env, 'VERITY_CHECK_QUEUE', 128),
    checkWorkerHeapMb:
      overrides.checkWorkerHeapMb !== undefined
        ? overrides.checkWorkerHeapMb
        : nonNegativeInteger(env, 'VERITY_CHECK_WORKER_HEAP_MB', 0) || null,
    llmUrl: overrides.llmUrl ?? (env.VERITY_LLM_URL || null),
    llmModel: overrides.llmModel ?? (env.VERITY_LLM_MODEL || null),
    llmKey: overrides.llmKey ?? (env.VERITY_LLM_KEY || null),
    llmTimeoutMs:
      overrides.llmTimeoutMs ?? (nonNegativeInteger(env, 'VERITY_LLM_TIMEOUT_MS', 60_000) || 60_000),
    llmGguf: overrides.llmGguf ?? (env.VERITY_LLM_GGUF || null),
    llmThreads: overrides.llmThreads ?? (nonNegativeInteger(env, 'VERITY_LLM_THREADS', 1) || 1),
    llmRoles: overrides.llmRoles ?? parseRoles(env.VERITY_LLM_ROLES),
    llmCacheDir:
      overrides.llmCacheDir !== undefined
        ? overrides.llmCacheDir
        : (env.VERITY_LLM_CACHE_DIR ?? '').toLowerCase() === 'off'
          ? null
          : env.VERITY_LLM_CACHE_DIR || path.join(os.homedir(), '.verity', 'llm-cache'),
  };
}

/** `../shared` beside the repository (data sets, seeds, models), or `$VERITY_SHARED`. */
export function sharedDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.VERITY_SHARED ?? path.resolve(packageRoot(), '..', 'shared');
}

/** The folder holding Verity's package.json (works from `src/` under tests and from `dist/src/`). */
export function packageRoot(): string {
  let directory = import.meta.dirname;
  while (!fs.existsSync(path.join(directory, 'package.json'))) {
    const parent = path.dirname(directory);
    if (parent === directory)
      throw new Error(`Cannot find Verity's package.json above ${import.meta.dirname}.`);
    directory = parent;
  }
  return directory;
}

/** The `--db` option's help, the same in every command. */
export const DB_OPTION_HELP =
  'SQLite file, or a PostgreSQL URL postgres://… (default: $VERITY_DATABASE_URL, else $VERITY_DB, else ~/.verity/verity.db)';
