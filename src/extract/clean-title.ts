import { decodeHTML } from 'entities';

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Jaccard similarity of two titles' word sets. */
function similarity(a: string, b: string): number {
  const left = words(a);
  const right = words(b);
  const shared = [...left].filter((word) => right.has(word)).length;
  return shared / Math.max(1, left.size + right.size - shared);
}

/**
 * Drops a trailing site name ("… | The Japan Times", "… – Investment Watch", "…_腾讯网") when it
 * names the outlet or is a short tail after a longer headline.
 */
export function stripSiteName(title: string, outlet: string | null): string {
  const match = /^(.*\S)(?:\s+[|–—·•-]\s+|\s*_)([^|–—·•_]+)$/u.exec(title);
  if (!match) return title;
  const [, head, tail] = match as unknown as [string, string, string];
  const namesOutlet = outlet !== null && similarity(tail, outlet) >= 0.5;
  const shortTail = tail.trim().split(/\s+/).length <= 4 && head.split(/\s+/).length >= 3;
  return namesOutlet || shortTail ? stripSiteName(head.trim(), outlet) : title;
}

/**
 * The headline as readers see it. Pages name it several times (JSON-LD headline, og:title,
 * <title>, the <h1>); each candidate, entities decoded and site name dropped, is scored by how
 * much the others agree with it, and the best supported one wins (earlier sources break ties).
 * This keeps a description that a CMS put in `headline`, or a section name in the <h1>, out.
 */
export function cleanTitle(
  candidates: Array<string | null | undefined>,
  outlet: string | null,
): string | null {
  const cleaned = candidates
    .filter((candidate): candidate is string => Boolean(candidate && candidate.trim()))
    .map((candidate) => stripSiteName(decodeHTML(candidate).replace(/\s+/g, ' ').trim(), outlet))
    .filter((candidate) => candidate.length > 0 && candidate.length <= 300);
  if (cleaned.length === 0) return null;
  let best = cleaned[0]!;
  let bestScore = -1;
  for (const [index, candidate] of cleaned.entries()) {
    const score = cleaned.reduce(
      (sum, other, otherIndex) => (otherIndex === index ? sum : sum + similarity(candidate, other)),
      0,
    );
    if (score > bestScore + 1e-9) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
