/**
 * The shared, documented types of Verity's pipeline. Every stage takes and returns these.
 * The JSON report (`Report`) is the canonical output; renderers only format it.
 */

/** What the extract stage makes of one input: article body plus metadata, before storage. */
export interface ExtractedArticle {
  title: string | null;
  /** Standfirst / subheading, when the page or text has one. */
  standfirst: string | null;
  /** Author names without "By", roles or dates. */
  authors: string[];
  outlet: string | null;
  section: string | null;
  /** ISO 8601 date or date-time. */
  published: string | null;
  updated: string | null;
  /** Place line that opens a wire story ("ISTANBUL"). */
  dateline: string | null;
  language: string | null;
  url: string | null;
  /** Body text; paragraphs separated by a blank line. */
  text: string;
}

/** An article as stored. `id` is derived from the content hash, so it is stable across re-ingests. */
export interface StoredArticle extends ExtractedArticle {
  id: string;
  /** Where it came from: a file path, a URL, or `file.jsonl#line`. */
  source: string;
  contentHash: string;
  ingestedAt: string;
  /** Id of the group of copies and light rewrites this article belongs to (null when it has none). */
  syndicationGroup: string | null;
}

/**
 * An article as retrieval returns it: every field but the text. A check reads the metadata of a
 * hundred articles and the text of the few it cites (`Store.articleTexts`), so search results do
 * not carry whole articles.
 */
export type ArticleInfo = Omit<StoredArticle, 'text'>;

/** A bounded, paragraph-based slice of an article; the unit that retrieval ranks and citations point to. */
export interface Passage {
  /** `<articleId>:<ordinal>`, stable for the same article content. */
  id: string;
  articleId: string;
  ordinal: number;
  text: string;
}

export interface Sentence {
  passageId: string;
  ordinal: number;
  text: string;
}

/** A passage returned by retrieval, with its article for display and its score (higher is better). */
export interface RankedPassage {
  passage: Passage;
  article: ArticleInfo;
  score: number;
}

/** The claim a question tests, and what retrieval and assessment need from it. */
export interface Claim {
  /** The question or claim as the user typed it. */
  question: string;
  /** A declarative sentence ("Rubio turned over ..."). */
  text: string;
  /** Content terms, lower-cased, in order, without stopwords. */
  terms: string[];
  /** Multi-word names and numbers found in the claim. */
  entities: string[];
  /** The parts the claim joins ("X did A", "to get B"); one item when it has no parts. */
  subClaims: string[];
}

export type Modality = 'asserted' | 'reported' | 'denied' | 'promised' | 'speculative';

/** A sentence chosen as evidence for a claim. */
export interface Evidence {
  sentence: Sentence;
  passage: Passage;
  article: ArticleInfo;
  /** Relevance to the claim, 0..1 (share of the claim's weighted terms the sentence holds). */
  coverage: number;
  /** Claim terms the sentence holds. */
  matchedTerms: string[];
  modality: Modality;
  /** True when the sentence negates what it talks about ("did not", "denied"). */
  negated: boolean;
  /** Probability that the sentence bears on the claim (fitted relevance model). */
  relevance: number;
  /** Stance toward the claim (fitted stance model): probabilities summing to 1. */
  stance: { supports: number; refutes: number; neutral: number };
  /** It only quotes the claim (from someone the claim does not name), so it takes no side. */
  restatesClaim: boolean;
  /**
   * What in it can show the opposite of the claim ("a different number", "a denial the claim does
   * not make"; assess/contradiction-signals.ts). Without one it is never shown as against the claim.
   */
  contradicts: string[];
  /** It holds the whole claim, with no contradiction signal in its features or with one (verdict-features.ts). */
  wholeClaim?: 'plain' | 'contradicted';
}

export type VerdictLabel = 'supported' | 'reported' | 'disputed' | 'contradicted' | 'unsettled' | 'not-found';
/** What an open question gets instead of a verdict: answered, or not answered by these sources. */
export type AnswerLabel = 'answered' | 'not-answered';

export interface Verdict<Label extends string = VerdictLabel> {
  label: Label;
  /** Human-readable label, e.g. "Reported, not confirmed". */
  title: string;
  /** 0..1. */
  confidence: number;
  reasons: string[];
}

import type { Attribution } from './assess/attribute-sentence.js';

// ---- The report model (JSON). Field names are a public contract: extend, never rename. ----

/** A report sentence and the source numbers (`ReportSource.n`) it rests on. */
export interface CitedSentence {
  text: string;
  citations: number[];
  /** Stored sentences this one quotes word for word (each is in a cited passage). */
  quotes?: string[];
}

export interface ReportSection {
  title: string;
  sentences: CitedSentence[];
}

export interface ReportSourcePassage {
  id: string;
  text: string;
  /** The passage's sentences the report cites, each with who says it (docs/method.md, attribution). */
  sentences?: Array<{ text: string; attribution: Attribution }>;
}

export interface ReportSource {
  n: number;
  articleId: string;
  title: string | null;
  outlet: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
  /** Its place in the provenance: the origin others repeat, a repeat of another origin, or independent. */
  role: 'origin' | 'repeats' | 'independent';
  /** For a repeat: the origin it traces to. */
  repeats: string | null;
  /** The stored passages the report cites from this source. */
  passages: ReportSourcePassage[];
  /**
   * For a claim: how the article as a whole holds it, read from all its sentences on the claim
   * (assess/article-stance.ts) — states it as fact, disputes it, or relays and discusses it — with
   * the reader's probability. Absent for questions and in reports stored before 2026-12-07.
   */
  stance?: { label: 'states' | 'disputes' | 'discusses'; probability: number };
}

/** One part of the claim and whether the evidence covers it. */
export interface ReportSubClaim {
  text: string;
  covered: boolean;
  /** Sources of the evidence for this part (empty when not covered). */
  citations: number[];
}

export interface CorpusState {
  articles: number;
  passages: number;
  /** ISO date-time of the latest ingest. */
  lastIngestAt: string | null;
  /** When the check is as of a day before the latest ingest: the articles published by then (undated ones included). */
  publishedByAsOf?: number;
}

export interface Report {
  question: string;
  /** What was answered: a claim (verdict) or an open question (answer); absent in reports stored before 2026-12. */
  kind?: 'claim' | 'question';
  /** For a claim, the declarative sentence tested; for a question, the question as asked. */
  claim: string;
  /** An open question's answer: its first sentence, the sources it rests on, how many outlets state it. */
  answer?: { text: string; citations: number[]; outlets: number };
  /**
   * Values the question takes for granted (a number, weekday, date or year) that no sentence on the
   * same subject holds, with the values those sentences give instead; absent when there are none.
   */
  premises?: Array<{
    stated: string;
    kind: 'number' | 'weekday' | 'date' | 'year';
    reported: Array<{ value: string; outlets: number; citations: number[] }>;
  }>;
  /** Words of the question read as another word the corpus holds (typos: "Ruboi" → "Rubio"); absent when none. */
  spelling?: Array<{ from: string; to: string }>;
  /** The claim's parts, each checked on its own. */
  subClaims: ReportSubClaim[];
  /** ISO date (YYYY-MM-DD) the check was made as of. */
  checkedAt: string;
  disclaimer: string;
  methodUrl: string;
  corpus: CorpusState;
  /** A claim's verdict, or for a question "answered" / "not answered by these sources". */
  verdict: Verdict<VerdictLabel | AnswerLabel> & { citations: number[] };
  summary: CitedSentence[];
  sections: ReportSection[];
  bottomLine: CitedSentence[];
  followUps: string[];
  sources: ReportSource[];
  /** "N sources, K independent origins", and which. */
  provenance: { sources: number; origins: string[] };
  /** Set when a stored report is shown again: whether the corpus has moved on since. */
  status?: { outdated: boolean; note: string };
  /** Who wrote the report's sentences when a language model did ("language-model", "<kind>:<model>"); absent: Verity's own extractive writer. */
  writer?: { kind: 'language-model'; model: string };
  /** What an optional language model did in this check (docs/language-models.md); absent when none was used. */
  llm?: ReportLlm;
}

/** The report's account of its language model: roles, cost, and what verification dropped or overruled. */
export interface ReportLlm {
  kind: string;
  model: string;
  roles: Array<'writer' | 'judge' | 'planner'>;
  /** Per role: calls, cache hits, tokens, and ms spent waiting on the model. */
  usage: Record<
    'writer' | 'judge' | 'planner',
    { calls: number; cacheHits: number; promptTokens: number; completionTokens: number; ms: number }
  >;
  /** Report sentences replaced by verified rewrites. */
  written: number;
  dropped: Array<{ role: 'writer' | 'judge' | 'planner'; text: string; reason: string }>;
  failures: Array<{ role: 'writer' | 'judge' | 'planner'; message: string }>;
  plannedQueries?: string[];
  judge?: {
    verdict: string;
    accepted: boolean;
    reason: string;
    /** The judge's reading of each evidence sentence it was shown (the stored sentence's text). */
    stances: Array<{ sentence: string; stance: 'supports' | 'refutes' | 'neither' }>;
  };
}
