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
}

let models: LearnedModels | undefined;

function load(name: string): LinearModel {
  const file = path.join(packageRoot(), 'models', `${name}.json`);
  if (!fs.existsSync(file))
    throw new Error(`The ${name} model is missing at ${file}; run \`npm run train\` to fit it.`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as LinearModel;
}

export function getLearnedModels(): LearnedModels {
  models ??= {
    ranker: load('ranker'),
    relevance: load('relevance'),
    stance: load('stance'),
    polarity: load('polarity'),
    verdict: load('verdict'),
  };
  return models;
}
