import { StatementClusters, outletsOf } from '../assess/cluster-statements.js';
import { datesInSentence, formatEventDate, type EventDate } from '../assess/resolve-dates.js';
import type { Evidence, ReportSection } from '../types.js';
import { PAST_ACT, isQuoted } from './acts-and-context.js';
import { opensWithCondition } from '../assess/detect-modality.js';
import type { Citer } from './citer.js';
import { describeSource, quote } from './describe-source.js';

/** Events shown at most, and the least number of distinct dates that make an order worth showing. */
const MAX_EVENTS = 6;
const MIN_DATES = 2;

/**
 * What happened, in order: the acts the evidence articles state in their own words (past tense,
 * not quoted, not denied, not under a condition) with the date they give for them, resolved against each article's day
 * (assess/resolve-dates.ts). Sentences that state the same act are one event, dated as most of
 * them date it, citing every outlet; events are ordered by that date, not by publication.
 */
export function timeline(citer: Citer, pool: Evidence[]): ReportSection | null {
  const statements = new StatementClusters();
  const dated = new Map<ReturnType<StatementClusters['add']>, EventDate[]>();
  for (const item of pool) {
    // "If the students are in those pits, it would be … since the drug war intensified in 2006" dates no event.
    const text = item.sentence.text;
    if (item.negated || isQuoted(item) || opensWithCondition(text) || !PAST_ACT.test(text)) continue;
    // A date in a "since …" clause dates the background, not the act ("Kim has gained weight since
    // coming to power after his father died … in 2011").
    const [date] = datesInSentence(text, item.article.published).filter(
      (found) => !/\bsince\b[^,;:]*$/i.test(text.slice(0, text.indexOf(found.text))),
    );
    if (!date) continue;
    const statement = statements.add(item);
    dated.set(statement, [...(dated.get(statement) ?? []), date]);
  }
  const events = [...dated.entries()].map(([statement, dates]) => {
    const votes = new Map<string, { date: EventDate; count: number }>();
    for (const date of dates) {
      const entry = votes.get(date.iso) ?? { date, count: 0 };
      entry.count++;
      votes.set(date.iso, entry);
    }
    const [top] = [...votes.values()].sort(
      (a, b) => b.count - a.count || a.date.iso.localeCompare(b.date.iso),
    );
    return { date: top!.date, items: statement.items };
  });
  if (new Set(events.map((event) => event.date.iso)).size < MIN_DATES) return null;
  const chosen = events
    .sort((a, b) => b.items.length - a.items.length)
    .slice(0, MAX_EVENTS)
    .sort((a, b) => a.date.iso.localeCompare(b.date.iso) || b.items.length - a.items.length);
  const span = `${formatEventDate(chosen[0]!.date)} to ${formatEventDate(chosen.at(-1)!.date)}`;
  return {
    title: `What happened, in order: ${span}`,
    sentences: chosen.map(({ date, items }) => {
      const outlets = outletsOf(items).length;
      return citer.sentence(
        `${formatEventDate(date)}: ${describeSource(items[0]!.article)}${outlets > 1 ? ` (and ${outlets - 1} more outlet${outlets === 2 ? '' : 's'})` : ''} reports ${quote(items[0]!.sentence.text)}`,
        items,
      );
    }),
  };
}
