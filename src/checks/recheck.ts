import { checkClaim } from '../check-claim.js';
import type { Store, StoredCheck } from '../store/store.js';
import { storeCheck } from './store-check.js';

export interface RecheckResult {
  previous: StoredCheck;
  current: StoredCheck;
  verdictChanged: boolean;
  /** Titles (or outlets) of sources the new report cites that the old one did not. */
  newSources: string[];
  /** Origins the new evidence traces to that the old did not. */
  newOrigins: string[];
}

export interface RecheckOptions {
  store: Store;
  /** Check ids to re-run. Default: the latest check of every stored question. */
  ids?: string[];
  /** As-of date for the new runs. Default: today. */
  asOf?: string;
  methodUrl?: string;
  now?: () => Date;
}

/** Re-runs stored checks against the current corpus, stores the new reports, and says what changed. */
export async function recheck(options: RecheckOptions): Promise<RecheckResult[]> {
  const now = options.now ?? (() => new Date());
  const checks: StoredCheck[] = [];
  for (const id of options.ids ?? []) {
    const found = await options.store.getCheck(id);
    if (!found) throw new Error(`No stored check has the id ${id}; list them with \`verity show\`.`);
    checks.push(found);
  }
  if (!options.ids) checks.push(...(await options.store.latestChecks()));
  const results: RecheckResult[] = [];
  for (const previous of checks) {
    const report = await checkClaim(previous.question, {
      store: options.store,
      asOf: options.asOf,
      methodUrl: options.methodUrl,
      now,
    });
    const current = await storeCheck(options.store, report, now(), previous.id);
    const oldArticles = new Set(previous.report.sources.map((source) => source.articleId));
    const oldOrigins = new Set(previous.report.provenance?.origins ?? []);
    results.push({
      previous,
      current,
      verdictChanged: previous.report.verdict.label !== report.verdict.label,
      newSources: report.sources
        .filter((source) => !oldArticles.has(source.articleId))
        .map((source) => source.outlet ?? source.title ?? source.articleId),
      newOrigins: report.provenance.origins.filter((origin) => !oldOrigins.has(origin)),
    });
  }
  return results;
}
