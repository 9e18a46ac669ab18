/**
 * Multinomial logistic regression: small, fast, and enough for Verity's learned parts (evidence
 * relevance, stance, verdict). Features are standardised with the training mean and spread, which
 * the model keeps, so that a model file is all that prediction needs.
 */
export interface LinearModel {
  name: string;
  classes: string[];
  features: string[];
  mean: number[];
  std: number[];
  /** weights[class][feature], plus a bias at the end. */
  weights: number[][];
  /** Where it was fitted and how it did on data it was not fitted on. */
  trainedOn: string[];
  heldOut: Record<string, number>;
  /** For two-class models: the probability above which the positive class is chosen (fitted for F1). */
  threshold?: number;
  /** Softmax temperature fitted for calibration (scores are divided by it); 1 when absent. */
  temperature?: number;
  /** Least probability for a class to be given as a definite verdict (fitted on training claims). */
  floors?: Record<string, number>;
  /**
   * Which columns of the full feature row the model reads, in the order of `features` (all of them
   * when absent): a model fitted on part of what a sentence's features hold still takes the whole row.
   */
  columns?: number[];
  /** With `columns`: how many features the full row holds. */
  inputWidth?: number;
  /** Stance models only: "refutes" needs a contradiction signal (stance-of.ts). */
  refutesNeedSignal?: boolean;
  /** Stance models only: a sentence holding the whole claim, with no contradiction signal, is not against it (stance-of.ts). */
  wholeClaimSupports?: boolean;
  /**
   * Verdict models only: "contradicted" needs a cited sentence that opposes the claim (a clear lean
   * against it and a contradiction signal), not only a balance of "refutes" readings (decide-verdict.ts).
   */
  contradictedNeedsOpposing?: boolean;
  /**
   * Verdict models only: "contradicted" is not said when more cited sentences lean toward the claim
   * than against it (decide-verdict.ts), however the balance of stance readings falls.
   */
  contradictedNotOutvoted?: boolean;
  /**
   * Verdict models only: which sentences of the pool the verdict reads — the five best by rank
   * score (absent), or the five that hold most of the claim, relevance × coverage (`held`;
   * verdict-features.ts).
   */
  verdictOrder?: 'held';
}

/** The part of a full feature row that a model reads (`columns`), or the row itself. */
export function modelInput(model: Pick<LinearModel, 'columns'>, features: number[]): number[] {
  return model.columns ? model.columns.map((index) => features[index]!) : features;
}

/**
 * The probability cut that maximises F-beta of the positive class (label 1) on the given rows.
 * beta > 1 weighs recall above precision (beta = 2: recall counts four times as much).
 */
export function bestFThreshold(model: LinearModel, rows: number[][], labels: number[], beta = 1): number {
  const scored = rows
    .map((row, index) => ({ p: predictProba(model, row)[1]!, positive: labels[index] === 1 }))
    .sort((a, b) => b.p - a.p);
  const positives = scored.filter((item) => item.positive).length;
  const b2 = beta * beta;
  let truePositives = 0;
  let best = { f: -1, threshold: 0.5 };
  scored.forEach((item, index) => {
    if (item.positive) truePositives++;
    // F-beta = (1 + b²)·TP / ((1 + b²)·TP + b²·FN + FP), with FN + TP = positives and TP + FP = index + 1.
    const f = ((1 + b2) * truePositives) / (b2 * positives + index + 1);
    if (f > best.f) best = { f, threshold: item.p };
  });
  return best.threshold;
}

export function predictProba(model: LinearModel, features: number[]): number[] {
  const x = modelInput(model, features).map(
    (value, index) => (value - model.mean[index]!) / model.std[index]!,
  );
  const temperature = model.temperature ?? 1;
  const scores = model.weights.map(
    (row) =>
      row.reduce((sum, weight, index) => sum + weight * (index < x.length ? x[index]! : 1), 0) / temperature,
  );
  const top = Math.max(...scores);
  const exps = scores.map((score) => Math.exp(score - top));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return exps.map((value) => value / total);
}

export interface FitOptions {
  /** Full-batch Adam steps. Default 800. */
  epochs: number;
  /** Adam step size. Default 0.05. */
  learningRate: number;
  /** L2 penalty. Default 1e-3. */
  l2: number;
  /** Weigh classes inversely to their frequency (for macro-F1). Default true. */
  balanced: boolean;
  /** A weight per row, multiplied into the class weight (for example to weigh data sets equally). */
  rowWeights?: number[];
  /**
   * Stop early once the training loss has fallen by less than this share over the last 25 steps
   * (converged: more steps move the weights, not the fit). Default 1e-5; 0 runs every epoch.
   */
  tolerance?: number;
  /**
   * For a two-class model, the sign each feature's effect on the second class must have (+1: not
   * below zero, -1: not above, 0: free): the fit is projected onto these after every step. A
   * constraint says what no data set may overturn ("holding more of the claim never makes a
   * sentence less relevant"), so that correlated features cannot take opposite weights that cancel
   * on the training sets and do not on prose of another kind.
   */
  signs?: number[];
}

export const DEFAULT_FIT: FitOptions = {
  epochs: 800,
  learningRate: 0.05,
  l2: 1e-3,
  balanced: true,
  tolerance: 1e-5,
};

/** Steps over which early stopping compares the training loss. */
const STOP_WINDOW = 25;

/** Full-batch Adam on the weighted cross-entropy; deterministic (zero initial weights, fixed order). */
export function fitLogistic(
  name: string,
  featureNames: string[],
  rows: number[][],
  labels: number[],
  classes: string[],
  options: FitOptions = DEFAULT_FIT,
): LinearModel {
  const dimension = featureNames.length;
  const mean = Array.from(
    { length: dimension },
    (_, index) => rows.reduce((sum, row) => sum + row[index]!, 0) / rows.length,
  );
  const std = Array.from({ length: dimension }, (_, index) => {
    const variance = rows.reduce((sum, row) => sum + (row[index]! - mean[index]!) ** 2, 0) / rows.length;
    return Math.sqrt(variance) || 1;
  });
  // Flat typed arrays: the same arithmetic in the same order as row-by-row arrays, several times faster.
  const width = dimension + 1;
  const x = new Float64Array(rows.length * width);
  rows.forEach((row, sample) => {
    for (let index = 0; index < dimension; index++)
      x[sample * width + index] = (row[index]! - mean[index]!) / std[index]!;
    x[sample * width + dimension] = 1;
  });
  const counts = classes.map((_, index) => labels.filter((label) => label === index).length);
  const classWeight = counts.map((count) =>
    options.balanced && count > 0 ? rows.length / (classes.length * count) : 1,
  );
  const sampleWeight = Float64Array.from(
    labels,
    (label, sample) => classWeight[label]! * (options.rowWeights?.[sample] ?? 1),
  );
  const totalWeight = sampleWeight.reduce((sum, weight) => sum + weight, 0);
  const k = classes.length;
  const weights = new Float64Array(k * width);
  const firstMoment = new Float64Array(k * width);
  const secondMoment = new Float64Array(k * width);
  const gradient = new Float64Array(k * width);
  const scores = new Float64Array(k);
  const [beta1, beta2, epsilon] = [0.9, 0.999, 1e-8];
  const losses: number[] = [];
  const tolerance = options.tolerance ?? DEFAULT_FIT.tolerance!;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    gradient.fill(0);
    let loss = 0;
    for (let sample = 0; sample < rows.length; sample++) {
      const offset = sample * width;
      let top = -Infinity;
      for (let cls = 0; cls < k; cls++) {
        let score = 0;
        for (let index = 0; index < width; index++)
          score += weights[cls * width + index]! * x[offset + index]!;
        scores[cls] = score;
        if (score > top) top = score;
      }
      let total = 0;
      for (let cls = 0; cls < k; cls++) {
        scores[cls] = Math.exp(scores[cls]! - top);
        total += scores[cls]!;
      }
      const weight = sampleWeight[sample]!;
      loss -= weight * Math.log(Math.max(1e-300, scores[labels[sample]!]! / total));
      for (let cls = 0; cls < k; cls++) {
        const error = (scores[cls]! / total - (labels[sample] === cls ? 1 : 0)) * weight;
        for (let index = 0; index < width; index++)
          gradient[cls * width + index]! += error * x[offset + index]!;
      }
    }
    losses.push(loss / totalWeight);
    const before = losses[epoch - STOP_WINDOW];
    if (tolerance > 0 && before !== undefined && before - losses[epoch]! < tolerance * before) break;
    const step = epoch + 1;
    for (let at = 0; at < k * width; at++) {
      const penalty = at % width < dimension ? options.l2 * weights[at]! : 0;
      const g = gradient[at]! / totalWeight + penalty;
      firstMoment[at] = beta1 * firstMoment[at]! + (1 - beta1) * g;
      secondMoment[at] = beta2 * secondMoment[at]! + (1 - beta2) * g * g;
      const mHat = firstMoment[at]! / (1 - beta1 ** step);
      const vHat = secondMoment[at]! / (1 - beta2 ** step);
      weights[at]! -= (options.learningRate * mHat) / (Math.sqrt(vHat) + epsilon);
    }
    if (options.signs && k === 2) projectSigns(weights, width, options.signs);
  }
  const rowsOut = classes.map((_, cls) => Array.from(weights.subarray(cls * width, (cls + 1) * width)));
  return { name, classes, features: featureNames, mean, std, weights: rowsOut, trainedOn: [], heldOut: {} };
}

/**
 * The nearest weights (in squared distance) whose second-minus-first difference has the required
 * sign for each constrained feature: where it has the wrong sign, both rows meet at their mean.
 */
function projectSigns(weights: Float64Array, width: number, signs: number[]): void {
  signs.forEach((sign, index) => {
    const difference = weights[width + index]! - weights[index]!;
    if (sign === 0 || difference * sign >= 0) return;
    const mean = (weights[width + index]! + weights[index]!) / 2;
    weights[index] = mean;
    weights[width + index] = mean;
  });
}

/**
 * Temperature scaling: the softmax temperature that minimises the (unweighted) negative
 * log-likelihood of the true classes, searched on a grid. Fitted on training data, it makes the
 * top probability a usable confidence without changing which class wins.
 */
export function fitTemperature(model: LinearModel, rows: number[][], labels: number[]): number {
  let best = { temperature: 1, loss: Infinity };
  for (let temperature = 0.05; temperature <= 8; temperature *= 1.1) {
    const scaled = { ...model, temperature };
    const loss = rows.reduce(
      (sum, row, index) => sum - Math.log(Math.max(1e-12, predictProba(scaled, row)[labels[index]!]!)),
      0,
    );
    if (loss < best.loss) best = { temperature, loss };
  }
  return +best.temperature.toPrecision(4);
}

/**
 * Row weights that give every (group, class) cell the same total weight: each data set counts the
 * same, and within it each class, however many rows they have. Use with `balanced: false`.
 */
export function cellWeights(groups: string[], labels: number[]): number[] {
  const counts = new Map<string, number>();
  const cell = (index: number) => `${groups[index]}\u0000${labels[index]}`;
  labels.forEach((_, index) => counts.set(cell(index), (counts.get(cell(index)) ?? 0) + 1));
  return labels.map((_, index) => labels.length / (counts.size * counts.get(cell(index))!));
}
