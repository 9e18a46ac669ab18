import type {
  ArticleInfo,
  CorpusState,
  ExtractedArticle,
  Report,
  Passage,
  RankedPassage,
  Sentence,
  StoredArticle,
} from '../types.js';

/** One article ready to store: extracted fields, where it came from, and its analysed passages. */
export interface ArticleInput {
  source: string;
  article: ExtractedArticle;
  contentHash: string;
  passages: Array<{ text: string; sentences: string[] }>;
  /** MinHash signature and its LSH band keys, for syndication lookups. */
  signature?: Uint32Array;
  bandKeys?: string[];
  /** Id of a stored article this one copies or lightly rewrites: both end up in one syndication group. */
  syndicateWith?: string | null;
}

/** A stored article that shares an LSH band with a new one. */
export interface SimilarCandidate {
  articleId: string;
  signature: Uint32Array;
}

/**
 * What storing one article did. `updated`: the same source had different content (the earlier
 * version is kept, no longer searched); `skipped`: this exact content is already stored.
 */
export type PutStatus = 'added' | 'updated' | 'skipped';

/** A check as stored: its report and the corpus state it saw. */
export interface StoredCheck {
  id: string;
  question: string;
  asOf: string;
  createdAt: string;
  report: Report;
  /** The check this one re-ran, for `verity recheck`. */
  previousId: string | null;
}

/** One change to the searchable passages, in the order the store made them (for in-process indexes). */
export interface IndexChange {
  seq: number;
  /** The passage's row number, stable for its life. */
  rowid: number;
  /** True: the passage became searchable (its text is given); false: it left search (its article was superseded). */
  added: boolean;
  /** The passage's text, and its article's publication date, when it was added. */
  text: string | null;
  published: string | null;
}

/** Passage search: terms are OR-ed, ranked by BM25; `limit` caps the result. */
export interface PassageQuery {
  terms: string[];
  limit: number;
  /** YYYY-MM-DD: only passages of articles published on or before the day, and undated ones (`--as-of`). */
  publishedBy?: string;
  /**
   * A score the caller knows the `limit`-th best passage reaches (at least `limit` passages score
   * this much): a store may skip work on passages below it (the in-process index does) or ignore it.
   * The answer is the same either way.
   */
  atLeast?: number;
}

/**
 * The storage contract every backend implements (SQLite, the embedded default; PostgreSQL for
 * shared deployments) and the one contract test suite runs against. Every method returns a
 * promise, so that a backend over the network fits the same pipeline as the in-process one.
 */
export interface Store {
  /** Which backend this is, for logs and the bench ("sqlite", "postgres"). */
  readonly kind: string;
  putArticle(input: ArticleInput, now: Date): Promise<PutStatus>;
  /** Stores a batch in one transaction: all of it lands, or none (eval corpora, bulk loads). */
  putArticles(inputs: ArticleInput[], now: Date): Promise<PutStatus[]>;
  /** Whether an article with this content hash is stored (so unchanged input skips all analysis). */
  hasContent(contentHash: string): Promise<boolean>;
  searchPassages(query: PassageQuery): Promise<RankedPassage[]>;
  /** Number of current passages that hold each term (after stemming), for IDF weights. */
  documentFrequencies(terms: string[]): Promise<Map<string, number>>;
  sentencesOf(passageIds: string[]): Promise<Map<string, Sentence[]>>;
  getPassage(id: string): Promise<(Passage & { article: StoredArticle }) | null>;
  getArticle(id: string): Promise<StoredArticle | null>;
  /** The texts of these articles, by id (unknown ids left out): search results carry no text. */
  articleTexts(ids: string[]): Promise<Map<string, string>>;
  /** Current articles sharing at least one band key (syndication candidates). */
  similarCandidates(bandKeys: string[]): Promise<SimilarCandidate[]>;
  /** The current articles of a syndication group, oldest first. */
  syndicationGroup(groupId: string): Promise<StoredArticle[]>;
  corpusState(): Promise<CorpusState>;
  /** Current articles published on or before the day (YYYY-MM-DD), undated ones included (as retrieval counts them). */
  articlesPublishedBy(day: string): Promise<number>;
  saveCheck(check: StoredCheck): Promise<void>;
  getCheck(id: string): Promise<StoredCheck | null>;
  /** The latest stored check of each question, newest first. */
  latestChecks(): Promise<StoredCheck[]>;
  /** A random id made when the database was created: an index built from another database is never used. */
  storeId(): Promise<string>;
  /** Changes to the searchable passages after `afterSeq`, oldest first, at most `limit`. */
  indexChanges(afterSeq: number, limit: number): Promise<IndexChange[]>;
  /** The latest change's number (0 for an empty store). */
  lastIndexChange(): Promise<number>;
  /** Passages with their articles, by row number, in the order asked (unknown ones left out). */
  passagesByRowid(rowids: number[]): Promise<Array<Passage & { rowid: number; article: ArticleInfo }>>;
  /**
   * Checks that the rows and the search structures agree (every current passage searchable and
   * in the change log, nothing else; counts right) and, with `repair`, mends what it can.
   */
  checkIntegrity(repair: boolean): Promise<IntegrityFinding[]>;
  close(): Promise<void>;
}

/** One consistency check of `verity doctor`: how many problems it found, and whether they were mended. */
export interface IntegrityFinding {
  check: string;
  problems: number;
  /** What was found (and, when not repaired, what to do). */
  detail: string;
  repaired: boolean;
}
