import { analyzeClaim } from './assess/analyze-claim.js';
import { readQuestion } from './assess/read-question.js';
import { decideVerdict } from './assess/decide-verdict.js';
import { traceProvenance } from './assess/trace-provenance.js';
import { composeReport } from './compose/compose-report.js';
import { competingPerspectives, findReactions } from './compose/reactions.js';
import { sameStorySentences } from './compose/acts-and-context.js';
import { DEFAULT_METHOD_URL } from './config.js';
import { UsageError } from './errors.js';
import { correctSpelling } from './retrieve/correct-spelling.js';
import { retrievePassages } from './retrieve/retrieve-passages.js';
import { DEFAULT_EVIDENCE_OPTIONS, mergeEvidence, selectEvidence } from './retrieve/select-evidence.js';
import type { VectorScorer, VectorSlot } from './retrieve/vector-score.js';
import type { LearnedModels } from './assess/learned-models.js';
import type { Store } from './store/store.js';
import type { SourcePolicy } from './assess/source-quality.js';
import type { CorpusState, Evidence, Report } from './types.js';
import type { LanguageModel, LlmRole } from './llm/language-model.js';
import { accountLanguageModel, emptyUsage } from './llm/account-language-model.js';
import { emptyNotes } from './llm/llm-notes.js';
import { planQueries } from './llm/plan-queries.js';
import { judgeVerdict } from './llm/judge-verdict.js';
import { writeReport } from './llm/write-report.js';
import { widenPool } from './retrieve/widen-pool.js';

export interface CheckOptions {
  store: Store;
  /** ISO date (YYYY-MM-DD) the check is made as of: it is printed and later articles are left out. Default: today. */
  asOf?: string;
  methodUrl?: string;
  /** Injected clock for the default `asOf`. */
  now?: () => Date;
  /** A vector model for ranking, when one is configured (`VERITY_WORD_VECTORS`); none by default. */
  vectors?: VectorSlot;
  /** The fitted models to check with. Default: the shipped ones (models/*.json, `npm run train`). */
  models?: LearnedModels;
  /** A sentence encoder's similarity, for models fitted with one (`npm run eval -- --dense`). */
  dense?: VectorScorer;
  /** Outlet domains with a tier (`$VERITY_SOURCE_POLICY`, assess/source-quality.ts); none by default. */
  sourcePolicy?: SourcePolicy;
  /**
   * An optional language model and the roles it takes (docs/language-models.md): `planner` adds
   * sub-questions to retrieval, `judge` reads the evidence for a verdict the default rules must
   * bear out, `writer` rewrites the report's sentences, each kept only when verified. None by default.
   */
  llm?: { model: LanguageModel; roles: readonly LlmRole[] };
}

/**
 * The corpus as the check read it: checked as of a day before the latest ingest, it read only the
 * articles published by then, and the report says so ("as of 1 March 2026, against the 58 articles
 * published by then") rather than print a later ingest date beside an earlier check date.
 */
async function corpusAsOf(store: Store, asOf: string): Promise<CorpusState> {
  const state = await store.corpusState();
  return state.lastIngestAt && asOf < state.lastIngestAt.slice(0, 10)
    ? { ...state, publishedByAsOf: await store.articlesPublishedBy(asOf) }
    : state;
}

/** Checks a question or claim against the corpus and returns the report model. */
export async function checkClaim(question: string, options: CheckOptions): Promise<Report> {
  return (await checkClaimDetailed(question, options)).report;
}

/** The report plus every scored sentence in rank order (for evaluation of retrieval). */
export async function checkClaimDetailed(
  question: string,
  options: CheckOptions,
): Promise<{ report: Report; ranked: Evidence[] }> {
  if (question.trim().length < 3) {
    throw new UsageError(
      'The question is empty. Ask a question or state a claim, e.g. verity check "Did X do Y?"',
    );
  }
  const asOf = options.asOf ?? (options.now ?? (() => new Date()))().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf))
    throw new UsageError(`--as-of must be a date like 2025-11-14, got "${asOf}".`);
  const { claim, corrections } = await correctSpelling(options.store, analyzeClaim(question));
  const roles = new Set(options.llm?.roles ?? []);
  const usage = emptyUsage();
  const notes = emptyNotes();
  const model = options.llm && roles.size > 0 ? accountLanguageModel(options.llm.model, usage) : null;
  let passages = await retrievePassages(options.store, claim, { asOf });
  if (model && roles.has('planner')) {
    const queries = await planQueries(question, model, notes);
    passages = await widenPool(options.store, passages, queries, asOf);
  }
  const evidenceOptions = {
    ...DEFAULT_EVIDENCE_OPTIONS,
    vectors: options.vectors,
    models: options.models,
    dense: options.dense,
  };
  const whole = await selectEvidence(options.store, claim, passages, evidenceOptions);
  const { closest, ranked, claimNegated, minRelevance } = whole;
  // Each part of a compound claim is checked on its own: its own retrieval, its own evidence.
  const parts = [];
  // How each evidence article as a whole holds the claim; a part's articles are read against the part.
  const articleStances = new Map(whole.articleStances);
  if (claim.subClaims.length > 1) {
    for (const text of claim.subClaims) {
      const part = { ...analyzeClaim(text), subClaims: [text] };
      const partPassages = await retrievePassages(options.store, part, { asOf });
      const found = await selectEvidence(options.store, part, partPassages, evidenceOptions);
      parts.push({ text, evidence: found.evidence });
      for (const [id, stance] of found.articleStances)
        if (!articleStances.has(id)) articleStances.set(id, stance);
    }
  }
  // What bears on a part of the claim bears on the claim: the parts' evidence joins the whole's.
  const evidence = mergeEvidence(
    whole.evidence,
    parts.map((part) => part.evidence),
  );
  // Only the cited articles' texts are read (copies found by their text, repeated paragraphs).
  const articleTexts = await options.store.articleTexts(evidence.map((item) => item.article.id));
  const provenance = traceProvenance(evidence, articleTexts, sameStorySentences(ranked, evidence));
  let verdict = decideVerdict({
    evidence,
    ranked,
    provenance,
    claimNegated,
    minRelevance,
    models: options.models,
    articleStances,
    shortOf: whole.shortOf,
  });
  // An open question ("Who …?", "How many …?") is answered from the same evidence, not judged.
  const reading = readQuestion(question);
  if (model && roles.has('judge') && reading.kind === 'claim')
    verdict = await judgeVerdict(
      { claim, evidence, ranked, claimNegated, minRelevance, verdict, models: options.models },
      model,
      notes,
    );
  const sides = competingPerspectives(ranked, evidence);
  const composed = composeReport({
    articleTexts,
    reading,
    parts,
    reactions: findReactions(ranked, [...evidence, ...sides.critics, ...sides.defenders]).filter((item) =>
      evidence.some((used) => used.article.id === item.article.id),
    ),
    sides,
    claim,
    evidence,
    ranked,
    closest,
    verdict,
    provenance,
    corpus: await corpusAsOf(options.store, asOf),
    checkedAt: asOf,
    spelling: corrections,
    articleStances,
    sourcePolicy: options.sourcePolicy,
    methodUrl: options.methodUrl ?? DEFAULT_METHOD_URL,
  });
  if (!model) return { report: composed, ranked };
  const report = roles.has('writer') ? await writeReport(composed, model, notes, options.models) : composed;
  if (roles.has('writer')) report.writer = { kind: 'language-model', model: `${model.kind}:${model.model}` };
  report.llm = { kind: model.kind, model: model.model, roles: [...roles], usage, ...notes };
  return { report, ranked };
}
