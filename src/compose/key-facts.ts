import { clusterStatements, originsOf, outletsOf } from '../assess/cluster-statements.js';
import type { Evidence, ReportSection } from '../types.js';
import { PAST_ACT, isQuoted } from './acts-and-context.js';
import type { Citer } from './citer.js';
import { quote } from './describe-source.js';

/** Facts shown at most, and the least number of outlets that makes a fact one "most outlets report". */
const MAX_FACTS = 4;
const MIN_OUTLETS = 2;
/** A number, in digits or words: a count, a tally, an amount, an age. */
const NUMBER =
  /\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?)\b/i;

/**
 * What most outlets report: the statements of the evidence articles (each fact once, with all its
 * outlets) that state a number or a past act in the article's own voice, ranked by how many
 * outlets state them, then by independent origins. The decisive facts of a story — a tally, a
 * count, the one act done — are the ones many outlets repeat, even when they share few words with
 * the question. A fact the core reporting already quoted is given again by its opening words, with
 * its count of outlets (quote-once.ts).
 */
export function keyFacts(
  citer: Citer,
  pool: Evidence[],
  originOf: ReadonlyMap<string, string>,
): ReportSection | null {
  const facts = clusterStatements(pool)
    .filter((statement) => {
      const lead = statement.items[0]!;
      return (
        !lead.negated &&
        !isQuoted(lead) &&
        (NUMBER.test(lead.sentence.text) || PAST_ACT.test(lead.sentence.text)) &&
        outletsOf(statement.items).length >= MIN_OUTLETS
      );
    })
    .map((statement) => ({
      items: statement.items,
      outlets: outletsOf(statement.items).length,
      origins: originsOf(statement.items, originOf).length,
    }))
    .sort((a, b) => b.outlets - a.outlets || b.origins - a.origins)
    .slice(0, MAX_FACTS);
  if (facts.length === 0) return null;
  return {
    title: `What most outlets report: ${facts.length} fact${facts.length === 1 ? '' : 's'} stated by several outlets`,
    sentences: facts.map(({ items, outlets, origins }) =>
      citer.sentence(
        `${outlets} outlets (${origins} independent origin${origins === 1 ? '' : 's'}) state: ${quote(items[0]!.sentence.text)}`,
        items,
      ),
    ),
  };
}
