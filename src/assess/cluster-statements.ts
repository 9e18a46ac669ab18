/**
 * Statements: the sentences across articles that state the same fact (same-statement.ts), so that a
 * report states each fact once and cites every outlet that states it. A sentence joins the first
 * statement whose first sentence it matches (not any member's, so that chains of near matches do
 * not drift from one fact to another); sentences come best first, so a statement's first sentence
 * is its best-ranked wording.
 */
import { outletOf } from '../retrieve/article-key.js';
import type { Evidence } from '../types.js';
import { readStatement, sameStatement, type StatementText } from './same-statement.js';

export interface Statement {
  /** The sentences that state it, in the order they came (best first). */
  items: Evidence[];
  /** How its first sentence reads for comparison. */
  lead: StatementText;
}

export class StatementClusters {
  readonly statements: Statement[] = [];
  private readonly byItem = new Map<Evidence, Statement>();

  /** `vectorOf`: a sentence encoder's vector for a sentence, when the check has one. */
  constructor(private readonly vectorOf?: (text: string) => Float32Array | undefined) {}

  /** The statement the sentence belongs to: one already met that says the same, else a new one. */
  add(item: Evidence): Statement {
    const known = this.byItem.get(item);
    if (known) return known;
    const text = readStatement(item.sentence.text, this.vectorOf?.(item.sentence.text));
    let statement = this.statements.find(
      (candidate) =>
        candidate.items[0]!.sentence.text === item.sentence.text || sameStatement(candidate.lead, text),
    );
    if (statement) statement.items.push(item);
    else {
      statement = { items: [item], lead: text };
      this.statements.push(statement);
    }
    this.byItem.set(item, statement);
    return statement;
  }
}

export function clusterStatements(
  items: Evidence[],
  vectorOf?: (text: string) => Float32Array | undefined,
): Statement[] {
  const clusters = new StatementClusters(vectorOf);
  for (const item of items) clusters.add(item);
  return clusters.statements;
}

/** The distinct outlets that state it, in order. */
export function outletsOf(items: Evidence[]): string[] {
  return [...new Set(items.map((item) => outletOf(item.article)))];
}

/** The distinct origins behind it: each article's traced origin (provenance), else its own outlet. */
export function originsOf(items: Evidence[], originOf: ReadonlyMap<string, string>): string[] {
  return [...new Set(items.map((item) => originOf.get(item.article.id) ?? outletOf(item.article)))];
}
