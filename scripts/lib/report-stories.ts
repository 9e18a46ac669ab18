/**
 * The dev acceptance set of `npm run eval:reports`: multi-outlet news stories built from ../shared
 * (Emergent's training rumours, each with the FNC-1 bodies of its articles, named by outlet and
 * address from Emergent's metadata), with the written rubric in eval/report-rubric.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../src/config.js';
import { readSharedCsv } from './eval-sets.js';
import { contentTerms, stem } from '../../src/analyze/tokenize.js';

export interface RubricPoint {
  point: string;
  pattern: string;
}

export interface StoryRubric {
  /** A story that is one file of ../shared/seeds (the seed wire article) instead of an Emergent rumour. */
  seed?: string;
  claimId: string;
  question: string;
  kind: 'claim' | 'question';
  /** For a claim: the verdicts a right report may give. */
  verdicts?: string[];
  /** For a question: a pattern the answer must hold. */
  answer?: string;
  /** The outlet the coverage credits as the origin, where it credits one. */
  origin: string | null;
  points: RubricPoint[];
}

export interface StoryArticle {
  id: string;
  title: string;
  /** The outlet and address of the Emergent article matched to this body; null when none was. */
  outlet: string | null;
  url: string | null;
  text: string;
}

/** Least share of a headline's content stems that a body must hold to be matched as its article. */
const MIN_HEADLINE_SHARE = 0.6;

/**
 * Which Emergent article (headline, outlet, address) each FNC-1 body is. FNC-1 pairs every headline
 * of a rumour with the bodies of all its articles, so a body's own headline is not given: each body
 * is matched to the headline whose content words it holds most, one to one, best pairs first; a
 * body no headline fits well stays unnamed rather than be credited to the wrong outlet.
 */
function ownHeadlines(
  rows: Array<Record<string, string>>,
  bodyIds: string[],
  bodies: Map<string, string>,
): Map<string, Record<string, string>> {
  const stemsOf = (text: string) => new Set(contentTerms(text).map(stem));
  const bodyStems = new Map(bodyIds.map((id) => [id, stemsOf(bodies.get(id)!)]));
  const distinct = [...new Map(rows.map((row) => [row['url'], row])).values()];
  const pairs = distinct.flatMap((row) => {
    const headline = [...stemsOf(row['articleHeadline']!)];
    return bodyIds.map((id) => ({
      row,
      id,
      share: headline.length
        ? headline.filter((value) => bodyStems.get(id)!.has(value)).length / headline.length
        : 0,
    }));
  });
  pairs.sort((a, b) => b.share - a.share || a.id.localeCompare(b.id));
  const owner = new Map<string, Record<string, string>>();
  const used = new Set<Record<string, string>>();
  for (const pair of pairs) {
    if (pair.share < MIN_HEADLINE_SHARE) break;
    if (owner.has(pair.id) || used.has(pair.row)) continue;
    owner.set(pair.id, pair.row);
    used.add(pair.row);
  }
  return owner;
}

/** Outlets the rubric counts as low quality (user posts, rewrites with no reporting), with the rule that named them. */
export interface LowQualityRubric {
  rule: string;
  /** Host names, as the stories' articles carry them ("www.liveleak.com"). */
  outlets: string[];
}

function rubricFile(): { stories: StoryRubric[]; lowQuality?: LowQualityRubric } {
  const file = path.join(packageRoot(), 'eval', 'report-rubric.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as {
    stories: StoryRubric[];
    lowQuality?: LowQualityRubric;
  };
}

export function readRubric(): StoryRubric[] {
  return rubricFile().stories;
}

export function readLowQuality(): LowQualityRubric {
  return rubricFile().lowQuality ?? { rule: '', outlets: [] };
}

/** Whether an outlet or address is one the rubric counts as low quality (by host name). */
export function isLowQuality(rubric: LowQualityRubric, outletOrUrl: string | null): boolean {
  if (!outletOrUrl) return false;
  const host = /^https?:\/\//.test(outletOrUrl) ? new URL(outletOrUrl).hostname : outletOrUrl;
  return rubric.outlets.includes(host.toLowerCase());
}

/** Every article of the rubric's stories (one per FNC-1 body), for one corpus that holds them all. */
export function storyArticles(shared: string, rubric: StoryRubric[]): Map<string, StoryArticle[]> {
  const read = (...parts: string[]) => readSharedCsv(shared, ...parts);
  const bodies = new Map(
    [...read('fnc-1', 'train_bodies.csv'), ...read('fnc-1', 'competition_test_bodies.csv')].map((row) => [
      row['Body ID']!,
      row['articleBody']!,
    ]),
  );
  const bodiesOfHeadline = new Map<string, string[]>();
  for (const row of [
    ...read('fnc-1', 'train_stances.csv'),
    ...read('fnc-1', 'competition_test_stances.csv'),
  ]) {
    if (row['Stance'] === 'unrelated') continue;
    bodiesOfHeadline.set(row['Headline']!, [
      ...(bodiesOfHeadline.get(row['Headline']!) ?? []),
      row['Body ID']!,
    ]);
  }
  const wanted = new Set(rubric.map((story) => story.claimId));
  const rowsOf = new Map<string, Array<Record<string, string>>>();
  for (const row of read('emergent', 'edata-train.csv'))
    if (wanted.has(row['claimId']!))
      rowsOf.set(row['claimId']!, [...(rowsOf.get(row['claimId']!) ?? []), row]);
  const out = new Map<string, StoryArticle[]>();
  const taken = new Set<string>();
  for (const story of rubric) {
    // A story asked twice (another question on the same rumour) shares its articles.
    if (story.seed || out.has(story.claimId)) continue;
    const rows = rowsOf.get(story.claimId) ?? [];
    const storyBodies = [
      ...new Set(rows.flatMap((row) => bodiesOfHeadline.get(row['articleHeadline']!) ?? [])),
    ].filter((body) => !taken.has(body));
    storyBodies.forEach((body) => taken.add(body));
    const owner = ownHeadlines(rows, storyBodies, bodies);
    out.set(
      story.claimId,
      storyBodies.map((body) => {
        const row = owner.get(body);
        return {
          id: `fnc-${body}`,
          title: row?.['articleHeadline'] ?? `FNC-1 body ${body}`,
          outlet: row?.['source'] ?? null,
          url: row?.['url'] ?? null,
          text: bodies.get(body)!,
        };
      }),
    );
  }
  return out;
}
