import type { IntegrityFinding } from './store.js';

/** What one set lacks and holds beyond another: rows the search should have and does not, and the reverse. */
export function setDifference(
  expected: Iterable<number>,
  actual: Iterable<number>,
): { missing: number[]; extra: number[] } {
  const want = new Set(expected);
  const have = new Set(actual);
  return {
    missing: [...want].filter((rowid) => !have.has(rowid)).sort((a, b) => a - b),
    extra: [...have].filter((rowid) => !want.has(rowid)).sort((a, b) => a - b),
  };
}

/** A finding for a missing/extra comparison; `what` names the structure ("full-text index"). */
export function syncFinding(
  check: string,
  what: string,
  diff: { missing: number[]; extra: number[] },
  repaired: boolean,
): IntegrityFinding {
  const problems = diff.missing.length + diff.extra.length;
  const sample = (rows: number[]) => rows.slice(0, 5).join(', ') + (rows.length > 5 ? ', …' : '');
  return {
    check,
    problems,
    detail:
      problems === 0
        ? `every current passage is in the ${what}, and nothing else`
        : [
            diff.missing.length
              ? `${diff.missing.length} current passages missing (rows ${sample(diff.missing)})`
              : '',
            diff.extra.length
              ? `${diff.extra.length} rows that should not be there (${sample(diff.extra)})`
              : '',
          ]
            .filter(Boolean)
            .join('; ') + (repaired ? '; repaired' : '; run verity doctor --repair'),
    repaired: repaired && problems > 0,
  };
}

export function articlesFinding(
  orphans: Array<{ id: string; source: string }>,
  repaired: boolean,
): IntegrityFinding {
  return {
    check: 'articles have passages',
    problems: orphans.length,
    detail:
      orphans.length === 0
        ? 'every current article has its passages'
        : `${orphans.length} articles without passages (${orphans
            .slice(0, 3)
            .map((row) => row.source)
            .join(', ')}${orphans.length > 3 ? ', …' : ''})` +
          (repaired
            ? '; removed: ingest their sources again'
            : '; run verity doctor --repair, then ingest them again'),
    repaired: repaired && orphans.length > 0,
  };
}
