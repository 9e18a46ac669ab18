/**
 * Top-k BM25 over an OR of query parts, document at a time with MaxScore pruning (Turtle and
 * Flood, 1995): the parts are ordered by the most any one passage can get from them; once the k-th
 * best score is above what the weakest parts together can give, a passage that holds only those
 * parts cannot enter the top k, so their postings are no longer walked, only looked up for
 * passages the stronger parts bring. The answer is the exhaustive scan's, to the last bit: every
 * passage that is scored is scored in query order with the same arithmetic, and a bound is only
 * used to skip when it is strictly below the k-th score with a margin for rounding.
 */

/** One query part's postings (ascending document numbers) and what each posting adds. */
export interface ScoreCursor {
  docs: ArrayLike<number>;
  tfs: ArrayLike<number>;
  count: number;
  /** The part's IDF (FTS5's). */
  idf: number;
  /**
   * At least the largest tf / (tf + k1·(1 − b + b·length / average length)) over the postings: with
   * the IDF it bounds what the part can add to one passage's score.
   */
  saturation: number;
}

export interface BM25Shape {
  k1: number;
  b: number;
  averageLength: number;
  lengths: ArrayLike<number>;
  /** Whether a document is out of the search (removed, or published after the --as-of day). */
  excluded: (doc: number) => boolean;
}

export interface ScoredDocNumber {
  doc: number;
  score: number;
}

/** Rounding differs between summing orders by far less than this share of a score. */
const BOUND_MARGIN = 1 + 1e-9;

/** What one posting saturates to: tf / (tf + k1·(1 − b + b·length / average length)), below 1. */
export function saturation(
  tf: number,
  length: number,
  shape: Pick<BM25Shape, 'k1' | 'b' | 'averageLength'>,
): number {
  return tf / (tf + shape.k1 * (1 - shape.b + (shape.b * length) / shape.averageLength));
}

/**
 * `atLeast`: the caller wants only passages scoring at least this (a lower bound it already knows
 * of the k-th best score); from the start, parts that together cannot reach it are not walked.
 */
export function maxScoreTopK(
  parts: ScoreCursor[],
  limit: number,
  shape: BM25Shape,
  atLeast = -Infinity,
): ScoredDocNumber[] {
  const { k1, b, averageLength, lengths, excluded } = shape;
  const bounds = parts.map((part) => part.idf * (k1 + 1) * part.saturation * BOUND_MARGIN);
  // Parts by bound, weakest first (position j); `query[j]` is the part's place in the query.
  const query = [...parts.keys()].filter((i) => parts[i]!.count > 0).sort((x, y) => bounds[x]! - bounds[y]!);
  const m = query.length;
  const docs = query.map((i) => parts[i]!.docs);
  const tfs = query.map((i) => parts[i]!.tfs);
  const counts = query.map((i) => parts[i]!.count);
  const idfs = query.map((i) => parts[i]!.idf);
  // `reach[j]`: what parts 0…j together can give one passage.
  const reach = new Float64Array(m);
  for (let j = 0; j < m; j++) reach[j] = (j > 0 ? reach[j - 1]! : 0) + bounds[query[j]!]!;
  const positions = new Int32Array(m);
  // Each part's current document (∞ once it is walked to its end).
  const current = new Float64Array(m);
  for (let j = 0; j < m; j++) current[j] = docs[j]![0]!;
  // What each part of the query gives the passage being scored, and which parts hold it.
  const gained = new Float64Array(parts.length);
  const held = new Int32Array(m);
  const heap = new TopHeap(limit);
  // The floor, lowered by the rounding margin, so that no passage scoring at least `atLeast` is skipped.
  const floor = atLeast > 0 ? atLeast / BOUND_MARGIN : -Infinity;
  // Parts 0 … firstEssential−1 are non-essential: they alone cannot lift a passage into the top k.
  let firstEssential = 0;
  let threshold = floor;
  while (firstEssential < m && reach[firstEssential]! < threshold) firstEssential++;

  for (;;) {
    // The next passage: the lowest document any essential part is at.
    let doc = Infinity;
    for (let j = firstEssential; j < m; j++) if (current[j]! < doc) doc = current[j]!;
    if (doc === Infinity) break;
    // FTS5's length normalisation, computed as the exhaustive scan computes it.
    const norm = k1 * (1 - b + (b * lengths[doc]!) / averageLength);
    let partial = 0;
    let holding = 0;
    // The essential parts at this passage give their share and step past it.
    for (let j = firstEssential; j < m; j++) {
      if (current[j] !== doc) continue;
      const at = positions[j]!;
      const tf = tfs[j]![at]!;
      const gain = (idfs[j]! * tf * (k1 + 1)) / (tf + norm);
      gained[query[j]!] = gain;
      held[holding++] = query[j]!;
      partial += gain;
      positions[j] = at + 1;
      current[j] = at + 1 < counts[j]! ? docs[j]![at + 1]! : Infinity;
    }
    let skipped = excluded(doc);
    // The non-essential parts, strongest first, while they could still lift it into the top k.
    for (let j = firstEssential - 1; j >= 0 && !skipped; j--) {
      if (partial + reach[j]! < threshold) {
        skipped = true;
        break;
      }
      const at = seek(docs[j]!, counts[j]!, positions[j]!, doc);
      positions[j] = at;
      if (at < counts[j]! && docs[j]![at] === doc) {
        const tf = tfs[j]![at]!;
        const gain = (idfs[j]! * tf * (k1 + 1)) / (tf + norm);
        gained[query[j]!] = gain;
        held[holding++] = query[j]!;
        partial += gain;
      }
    }
    if (skipped) continue;
    // The exhaustive scan's sum: parts in query order.
    const holders = held.subarray(0, holding).sort();
    let score = 0;
    for (const index of holders) score += gained[index]!;
    if (heap.offer(doc, score)) {
      threshold = Math.max(floor, heap.threshold());
      while (firstEssential < m && reach[firstEssential]! < threshold) firstEssential++;
    }
  }
  return heap.sorted();
}

/** The first position at or after `from` whose document is at least `doc` (galloping, then binary search). */
export function seek(docs: ArrayLike<number>, count: number, from: number, doc: number): number {
  if (from >= count || docs[from]! >= doc) return from;
  let step = 1;
  let low = from;
  let high = from + 1;
  while (high < count && docs[high]! < doc) {
    low = high;
    step *= 2;
    high = from + step;
  }
  if (high > count) high = count;
  // docs[low] < doc; the answer is in (low, high].
  while (low + 1 < high) {
    const middle = (low + high) >>> 1;
    if (docs[middle]! < doc) low = middle;
    else high = middle;
  }
  return high;
}

/** Whether (score a, doc a) ranks before (score b, doc b): higher score, then lower document number. */
function ranksBefore(scoreA: number, docA: number, scoreB: number, docB: number): boolean {
  return scoreA > scoreB || (scoreA === scoreB && docA < docB);
}

/** The best `limit` (doc, score) pairs seen, worst at the root. */
class TopHeap {
  private readonly docs: number[] = [];
  private readonly scores: number[] = [];

  constructor(private readonly limit: number) {}

  /** The score a passage must beat to enter (ties enter on a lower number), −∞ until full. */
  threshold(): number {
    return this.docs.length < this.limit ? -Infinity : this.scores[0]!;
  }

  /** Adds the passage if it ranks among the best; says whether the threshold may have moved. */
  offer(doc: number, score: number): boolean {
    if (this.docs.length < this.limit) {
      this.docs.push(doc);
      this.scores.push(score);
      this.up(this.docs.length - 1);
      return this.docs.length === this.limit;
    }
    if (!ranksBefore(score, doc, this.scores[0]!, this.docs[0]!)) return false;
    this.docs[0] = doc;
    this.scores[0] = score;
    this.down(0);
    return true;
  }

  sorted(): ScoredDocNumber[] {
    return this.docs
      .map((doc, i) => ({ doc, score: this.scores[i]! }))
      .sort((x, y) => (ranksBefore(x.score, x.doc, y.score, y.doc) ? -1 : 1));
  }

  /** Whether entry i is worse than entry j. */
  private worse(i: number, j: number): boolean {
    return ranksBefore(this.scores[j]!, this.docs[j]!, this.scores[i]!, this.docs[i]!);
  }

  private swap(i: number, j: number): void {
    [this.docs[i], this.docs[j]] = [this.docs[j]!, this.docs[i]!];
    [this.scores[i], this.scores[j]] = [this.scores[j]!, this.scores[i]!];
  }

  private up(start: number): void {
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(start: number): void {
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < this.docs.length && this.worse(left, worst)) worst = left;
      if (right < this.docs.length && this.worse(right, worst)) worst = right;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }
}
