/**
 * A source that states a checkable fact differently from every other outlet: for a count with its
 * unit ("31-year-old", "43 students", "12 metres"), said in sentences that name one of the claim's
 * names, an outlet whose values share none with the others', where at least two other outlets give
 * it and all of them agree, is set aside as core reporting ("it gives 41 for “year old” where 5 other
 * outlets give 31"). One outlet against many is most often a rewrite that got the fact wrong.
 */
import { stem } from '../analyze/tokenize.js';
import { outletOf } from '../retrieve/article-key.js';
import type { Evidence } from '../types.js';
import { UNIT_WINDOW, UNIT_WORDS, isAnchor, nameStems, valuesIn, words } from './check-premises.js';

/** Other outlets that must agree on a value before one that differs is an outlier. */
const MIN_AGREEING = 2;

/** Article id → why it is set aside: the fact it alone gives otherwise. */
export function outlierFacts(sentences: Evidence[], names: string[]): Map<string, string> {
  const named = nameStems(names);
  // slot (unit words) → outlet → values, and the articles of each outlet.
  const slots = new Map<string, { unit: string; byOutlet: Map<string, Set<string>> }>();
  const articlesOf = new Map<string, Set<string>>();
  for (const item of sentences) {
    const tokens = words(item.sentence.text);
    const stems = tokens.map(stem);
    if (named.length > 0 && !named.some((name) => stems.includes(name))) continue;
    const outlet = outletOf(item.article);
    articlesOf.set(outlet, (articlesOf.get(outlet) ?? new Set()).add(item.article.id));
    for (const value of valuesIn(tokens)) {
      if (value.kind !== 'number') continue;
      const unitWords = tokens
        .slice(value.to + 1, value.to + 1 + UNIT_WINDOW)
        .filter(isAnchor)
        .slice(0, UNIT_WORDS);
      if (unitWords.length === 0) continue;
      const key = unitWords.map(stem).join(' ');
      const slot = slots.get(key) ?? { unit: unitWords.join(' '), byOutlet: new Map() };
      slot.byOutlet.set(outlet, (slot.byOutlet.get(outlet) ?? new Set()).add(value.value));
      slots.set(key, slot);
    }
  }
  const out = new Map<string, string>();
  for (const { unit, byOutlet } of slots.values()) {
    for (const [outlet, values] of byOutlet) {
      const others = [...byOutlet].filter(([other]) => other !== outlet);
      if (others.length < MIN_AGREEING) continue;
      const agreed = [...others[0]![1]].filter((value) => others.every(([, theirs]) => theirs.has(value)));
      if (agreed.length === 0 || [...values].some((value) => others.some(([, theirs]) => theirs.has(value))))
        continue;
      const reason = `it gives ${[...values].join(', ')} for “${unit}” where ${others.length} other outlets give ${agreed.join(', ')}`;
      for (const id of articlesOf.get(outlet) ?? []) if (!out.has(id)) out.set(id, reason);
    }
  }
  return out;
}
