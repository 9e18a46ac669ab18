import { DEMONYM } from '../analyze/demonyms.js';
import { isCommonWord, isProperAdjective } from '../analyze/lexicon.js';
import type { Evidence } from '../types.js';

export const NAME_RUN =
  /\b\p{Lu}[\p{L}\p{N}'’-]*[\p{L}\p{N}](?:\s+(?:of\s+|de\s+|al-\s*)?\p{Lu}[\p{L}\p{N}'’-]*[\p{L}\p{N}])*/gu;
const SENTENCE_STARTERS =
  /^(The|A|An|In|On|At|But|And|However|For|It|He|She|They|This|That|One|Officials|According)$/;

/** A pronoun with its verb, capitalised at the start of a quote ("I’m back", "We’ll"), names no one. */
const CONTRACTION = /^\p{Lu}\p{L}*['’](?:m|ve|ll|d|re)$/u;

/** Days and months are capitalised but name no one ("What role does Saturday play?"). */
const CALENDAR_WORD =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)$/;

/**
 * A capitalised run that can be a name: not a sentence opener ("The", "However"), no day, month or
 * nationality, not one adjective WordNet writes with a capital ("Islamic" of "an Islamic radical
 * group"), not a contraction ("I’m", "We’ll"), three letters or more.
 */
export function isNameCandidate(name: string): boolean {
  return (
    !SENTENCE_STARTERS.test(name) &&
    !CONTRACTION.test(name) &&
    !CALENDAR_WORD.test(name) &&
    !DEMONYM.test(name) &&
    !(!/\s/.test(name) && isProperAdjective(name)) &&
    name.length >= 3
  );
}

/** A capitalised run without the article that opens it ("The London" → "London", "A Justin Bieber" → "Justin Bieber"). */
export function withoutArticle(name: string): string {
  return name.replace(/^(?:The|A|An)\s+(?=\p{Lu})/u, '');
}

/** Named people, places and organisations that recur across the evidence, most frequent first. */
export function namesInEvidence(evidence: Evidence[], exclude: string[], limit = 6, minCount = 2): string[] {
  const counts = new Map<string, number>();
  const spelling = new Map<string, string>();
  for (const item of evidence) {
    const seen = new Set<string>();
    for (const match of item.sentence.text.matchAll(NAME_RUN)) {
      // One common word that only opens the sentence names nothing ("Amazingly, …").
      if (match.index === 0 && !/\s/.test(match[0]) && isCommonWord(match[0])) continue;
      // A run that opens a sentence may start with an article ("An Islamic radical group").
      const name = withoutArticle(match[0].replace(/['’]s$/, ''));
      if (!isNameCandidate(name)) continue;
      // A name the claim gives, whole or by one of its words ("Sotloff" of "Steven Sotloff"), is not another name.
      const lower = name.toLowerCase();
      if (
        exclude.some(
          (excluded) =>
            excluded.toLowerCase() === lower || excluded.toLowerCase().split(/\s+/).includes(lower),
        )
      )
        continue;
      seen.add(lower);
      // "MANAGUA" in a shouted dateline and "Managua" are one name, written as the prose writes it.
      if (!spelling.has(lower) || spelling.get(lower) === spelling.get(lower)!.toUpperCase())
        spelling.set(lower, name);
    }
    for (const name of seen) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()]
    .filter(([, count]) => count >= minCount)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([name]) => spelling.get(name)!);
}
