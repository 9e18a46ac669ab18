import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../config.js';
import type { LinearModel } from './logistic-regression.js';

/** The fitted models Verity ships (models/*.json, reproduced by `npm run train` from ../shared). */
export interface LearnedModels {
  /** Pairwise: which of two sentences of one claim's pool is the better evidence. */
  ranker: LinearModel;
  relevance: LinearModel;
  /** Three-way: supports / refutes / takes no side. */
  stance: LinearModel;
  /** Two-way, on sentences that take a side: supports or refutes (see stance-of.ts). */
  polarity: LinearModel;
  verdict: LinearModel;
  /**
   * How an article as a whole holds the claim: states / disputes / discusses (article-stance.ts).
   * Optional: models fitted in an evaluation run leave it out and the shipped one is read.
   */
  articleStance?: LinearModel;
}

let models: LearnedModels | undefined;

export function loadModel(name: string): LinearModel {
  const file = path.join(packageRoot(), 'models', `${name}.json`);
  if (!fs.existsSync(file))
    throw new Error(`The ${name} model is missing at ${file}; run \`npm run train\` to fit it.`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as LinearModel;
}

export function getLearnedModels(): LearnedModels {
  models ??= {
    ranker: loadModel('ranker'),
    relevance: loadModel('relevance'),
    stance: loadModel('stance'),
    polarity: loadModel('polarity'),
    verdict: loadModel('verdict'),
    articleStance: loadModel('article-stance'),
  };
  return models;
}
