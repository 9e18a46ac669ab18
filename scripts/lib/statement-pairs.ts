/**
 * The labelled sentence pairs of `npm run eval:statements`: SICK's (one entails the other, no
 * contradiction) and the hand-labelled news pairs of eval/same-statement-news.json, read from
 * ../shared by their FNC-1 body id and sentence index, each checked against its stored hash.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot, sharedDir } from '../../src/config.js';
import { bodySentences, readSharedCsv } from './eval-sets.js';

export const FOLDS = 5;

export interface Pair {
  a: string;
  b: string;
  same: boolean;
  /** SICK: its SemEval split; news: its fold (0–4, by rumour). */
  group: string;
}

export function sickPairs(): Pair[] {
  const lines = fs
    .readFileSync(path.join(sharedDir(), 'data', 'nli', 'sick', 'SICK.txt'), 'utf8')
    .split('\n');
  const header = lines[0]!.split('\t');
  const cell = (cells: string[], name: string) => cells[header.indexOf(name)]!;
  return lines
    .slice(1)
    .filter((line) => line.trim())
    .map((line) => line.split('\t'))
    .map((cells) => ({
      a: cell(cells, 'sentence_A'),
      b: cell(cells, 'sentence_B'),
      // One states the other's fact (and may add to it), and neither contradicts the other.
      same:
        (cell(cells, 'entailment_AB') === 'A_entails_B' || cell(cells, 'entailment_BA') === 'B_entails_A') &&
        cell(cells, 'entailment_AB') !== 'A_contradicts_B' &&
        cell(cells, 'entailment_BA') !== 'B_contradicts_A',
      group: cell(cells, 'SemEval_set') === 'TEST' ? 'test' : 'train',
    }));
}

export interface NewsLabel {
  claimId: string;
  a: { body: string; sentence: number; sha1: string };
  b: { body: string; sentence: number; sha1: string };
  same: boolean;
}

export function newsPairs(): Pair[] {
  const file = path.join(packageRoot(), 'eval', 'same-statement-news.json');
  const labels = (JSON.parse(fs.readFileSync(file, 'utf8')) as { pairs: NewsLabel[] }).pairs;
  const bodies = new Map(
    readSharedCsv(sharedDir(), 'fnc-1', 'train_bodies.csv').map((row) => [
      row['Body ID']!,
      row['articleBody']!,
    ]),
  );
  const sentenceOf = (ref: NewsLabel['a']) => {
    const text = bodySentences(bodies.get(ref.body) ?? '')[ref.sentence] ?? '';
    const sha1 = crypto.createHash('sha1').update(text).digest('hex').slice(0, 12);
    if (sha1 !== ref.sha1)
      throw new Error(
        `eval/same-statement-news.json: sentence ${ref.sentence} of FNC-1 body ${ref.body} is not the one labelled (the sentence splitter or ../shared changed); relabel the pairs.`,
      );
    return text;
  };
  const foldOf = (claimId: string) =>
    String(crypto.createHash('sha1').update(claimId).digest().readUInt32BE(0) % FOLDS);
  return labels.map((label) => ({
    a: sentenceOf(label.a),
    b: sentenceOf(label.b),
    same: label.same,
    group: foldOf(label.claimId),
  }));
}
