/**
 * FNC-1 as a news-stance set: competition test pairs (headline, article body, agree/disagree),
 * split by headline into a training half and a held-out half (the FNC-1 training stances are not in
 * ../shared). Each pair is read as a check reads evidence: the headline is the claim, and the
 * body's sentences are scored against it after a search of the whole corpus.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { analyzeClaim } from '../../src/assess/analyze-claim.js';
import { splitSentences } from '../../src/analyze/split-sentences.js';
import { loadEvalStore } from '../../src/eval/load-eval-store.js';
import { retrievePassages } from '../../src/retrieve/retrieve-passages.js';
import { scorePool, type PoolSentence } from '../../src/retrieve/score-pool.js';
import type { Split } from './eval-sets.js';

export interface NewsStancePair {
  headline: string;
  agrees: boolean;
  /** The body's sentences that share a word with the headline, with their features. */
  sentences: PoolSentence[];
}

/** A stable split by headline (FNV-1a parity): all pairs of one headline fall in one half. */
function half(headline: string): Split {
  let hash = 0x811c9dc5;
  for (const char of headline) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash % 2 === 0 ? 'train' : 'test';
}

/** The agree/disagree pairs of one half, each with its body's scored sentences. */
export function newsStancePairs(
  shared: string,
  split: Split,
): { pairs: NewsStancePair[]; sentences: number } {
  const dir = path.join(shared, 'data', 'fnc-1');
  const read = (file: string) =>
    parse(fs.readFileSync(path.join(dir, file), 'utf8'), { columns: true }) as Array<Record<string, string>>;
  const bodies = new Map(
    read('competition_test_bodies.csv').map((row) => [row['Body ID']!, row['articleBody']!]),
  );
  const rows = read('competition_test_stances.csv').filter(
    (row) => (row['Stance'] === 'agree' || row['Stance'] === 'disagree') && half(row['Headline']!) === split,
  );
  // Every sentence of the bodies in play is a corpus line; the lines of one body are one article.
  const corpus = [...new Set(rows.map((row) => row['Body ID']!))].flatMap((id) =>
    bodies
      .get(id)!
      .split(/\n+/)
      .flatMap(splitSentences)
      .map((text, index) => ({ id: `${id}:${index}`, text, article: id })),
  );
  const store = loadEvalStore(corpus);
  const pairs = rows.map((row) => {
    const claim = analyzeClaim(row['Headline']!);
    // The whole corpus is searched, as in a check; only the pair's own body is read.
    const passages = retrievePassages(store, claim, { pool: 5000 }).filter(
      (hit) => hit.article.source.split(':')[0] === row['Body ID'],
    );
    const { items } = scorePool(store, claim, passages);
    return {
      headline: row['Headline']!,
      agrees: row['Stance'] === 'agree',
      sentences: items.filter((item) => item.matchedTerms.length > 0),
    };
  });
  store.close();
  return { pairs, sentences: corpus.length };
}
