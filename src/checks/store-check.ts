import type { Store, StoredCheck } from '../store/store.js';
import type { Report } from '../types.js';
import { checkId } from './check-id.js';

/** Saves a report as a check (with the corpus state it saw) and returns it. */
export async function storeCheck(
  store: Store,
  report: Report,
  now: Date,
  previousId: string | null = null,
): Promise<StoredCheck> {
  const check: StoredCheck = {
    id: checkId(report.question, report.checkedAt, report.corpus, report.llm ?? null),
    question: report.question,
    asOf: report.checkedAt,
    createdAt: now.toISOString(),
    report,
    previousId,
  };
  await store.saveCheck(check);
  return check;
}

/**
 * A stored report, marked "may be outdated" when the corpus has moved on since it was made
 * (articles were added or re-ingested after it).
 */
export async function withStatus(check: StoredCheck, store: Store): Promise<Report> {
  const now = await store.corpusState();
  const then = check.report.corpus;
  const outdated = now.articles !== then.articles || now.lastIngestAt !== then.lastIngestAt;
  return {
    ...check.report,
    status: outdated
      ? {
          outdated: true,
          note: `May be outdated: the corpus has changed since this check (${then.articles} → ${now.articles} articles); run \`verity recheck ${check.id}\`.`,
        }
      : { outdated: false, note: 'Up to date with the corpus.' },
  };
}
