import { BM25_B, BM25_K1 } from '../store/index-terms.js';
import { maxScoreTopK, seek, saturation, type ScoreCursor } from './max-score.js';

/** A growable list of one term's postings: document numbers (ascending) and term frequencies. */
interface Postings {
  docs: Uint32Array<ArrayBufferLike>;
  tfs: Uint16Array<ArrayBufferLike>;
  length: number;
}

function grown<T extends Uint32Array<ArrayBufferLike> | Uint16Array<ArrayBufferLike>>(
  array: T,
  needed: number,
): T {
  if (needed <= array.length) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2, 4));
  next.set(array);
  return next;
}

/** The index's contents, as saved to and loaded from a file (index-file.ts). */
export interface IndexSnapshot {
  storeId: string;
  /** The last store change the index holds. */
  seq: number;
  terms: string[];
  postings: Array<{ docs: Uint32Array<ArrayBufferLike>; tfs: Uint16Array<ArrayBufferLike> }>;
  rowids: Uint32Array<ArrayBufferLike>;
  lengths: Uint32Array<ArrayBufferLike>;
  /** Publication day as YYYYMMDD, 0 when undated. */
  days: Uint32Array<ArrayBufferLike>;
  deleted: Uint8Array<ArrayBufferLike>;
  /** Every passage's tokens as term numbers, in order (document d starts at starts[d]; its length is lengths[d]). */
  starts: Uint32Array<ArrayBufferLike>;
  forward: Uint32Array<ArrayBufferLike>;
}

/** A publication date as the number YYYYMMDD (0: undated), for the `--as-of` filter. */
export function dayNumber(published: string | null | undefined): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(published ?? '');
  return match ? Number(match[1]) * 10_000 + Number(match[2]) * 100 + Number(match[3]) : 0;
}

/** A phrase's live documents (ascending) and how often each holds it; its saturation bound once worked out. */
export interface PhrasePostings {
  docs: Uint32Array;
  tfs: Uint32Array;
  saturation?: { average: number; most: number };
}

/** Phrases whose postings are kept between searches (emptied when full, and whenever the index changes). */
const PHRASE_CACHE_SIZE = 1_024;

export interface ScoredDoc {
  rowid: number;
  score: number;
}

/**
 * An in-process BM25 index over the store's current passages: typed-array postings per term,
 * scored term at a time into one score array, the top k kept in a heap. The scores are FTS5's
 * (same terms, IDF, k1, b, length normalisation), so the ranking is the store's own, only faster.
 * Documents are numbered in the order they were added; a removed one is flagged, not rewritten.
 */
export class MemoryIndex {
  readonly storeId: string;
  seq: number;
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly postings: Postings[] = [];
  private rowids: Uint32Array<ArrayBufferLike> = new Uint32Array(1024);
  private lengths: Uint32Array<ArrayBufferLike> = new Uint32Array(1024);
  private days: Uint32Array<ArrayBufferLike> = new Uint32Array(1024);
  private deleted: Uint8Array<ArrayBufferLike> = new Uint8Array(1024);
  private starts: Uint32Array<ArrayBufferLike> = new Uint32Array(1024);
  private forward: Uint32Array<ArrayBufferLike> = new Uint32Array(1 << 16);
  private forwardLength = 0;
  private docCount = 0;
  private deletedCount = 0;
  private liveTokens = 0;
  private scores = new Float64Array(0);
  private tally: Uint32Array<ArrayBufferLike> = new Uint32Array(1 << 16);
  /** Live passages per term, kept as passages come and go (a scan of the postings otherwise). */
  private liveDf: Uint32Array<ArrayBufferLike> = new Uint32Array(1024);
  /**
   * Per term, the largest saturation of its first `covered` postings at an average passage length
   * of `average` (a little above the real one, so the bound holds while the corpus changes).
   */
  private readonly phrases = new Map<string, PhrasePostings>();
  private readonly bounds: Array<{ covered: number; average: number; saturation: number } | undefined> = [];

  constructor(storeId: string, snapshot?: IndexSnapshot) {
    this.storeId = storeId;
    this.seq = snapshot?.seq ?? 0;
    if (!snapshot) return;
    snapshot.terms.forEach((term, id) => {
      this.termIds.set(term, id);
      this.terms.push(term);
      const { docs, tfs } = snapshot.postings[id]!;
      this.postings.push({ docs, tfs, length: docs.length });
    });
    this.docCount = snapshot.rowids.length;
    this.rowids = snapshot.rowids;
    this.lengths = snapshot.lengths;
    this.days = snapshot.days;
    this.deleted = snapshot.deleted;
    this.starts = snapshot.starts;
    this.forward = snapshot.forward;
    this.forwardLength = snapshot.forward.length;
    this.liveDf = new Uint32Array(Math.max(this.terms.length, 1024));
    this.postings.forEach((list, id) => (this.liveDf[id] = list.length));
    for (let doc = 0; doc < this.docCount; doc++) {
      if (this.deleted[doc]) {
        this.deletedCount++;
        this.forEachDistinctTerm(doc, (id) => this.liveDf[id]!--);
      } else this.liveTokens += this.lengths[doc]!;
    }
  }

  /** Calls `visit` once for each distinct term of a passage. */
  private forEachDistinctTerm(doc: number, visit: (id: number) => void): void {
    const begin = this.starts[doc]!;
    const end = begin + this.lengths[doc]!;
    for (let at = begin; at < end; at++) {
      const id = this.forward[at]!;
      if (this.tally.length <= id) this.tally = grown(this.tally, id + 1);
      if (this.tally[id]!++ === 0) visit(id);
    }
    for (let at = begin; at < end; at++) this.tally[this.forward[at]!] = 0;
  }

  get liveDocs(): number {
    return this.docCount - this.deletedCount;
  }

  /** Adds a passage from its tokens. Row numbers only grow (both stores hand them out in commit order). */
  add(rowid: number, tokens: string[], published: string | null): void {
    this.phrases.clear();
    if (this.docCount > 0 && rowid <= this.rowids[this.docCount - 1]!)
      throw new Error(`search index: passage ${rowid} arrived out of order; run \`verity reindex\`.`);
    const doc = this.docCount++;
    this.rowids = grown(this.rowids, this.docCount);
    this.lengths = grown(this.lengths, this.docCount);
    this.days = grown(this.days, this.docCount);
    this.starts = grown(this.starts, this.docCount);
    if (this.deleted.length < this.docCount) {
      const next = new Uint8Array(Math.max(this.docCount, this.deleted.length * 2));
      next.set(this.deleted);
      this.deleted = next;
    }
    this.rowids[doc] = rowid;
    this.lengths[doc] = tokens.length;
    this.days[doc] = dayNumber(published);
    this.starts[doc] = this.forwardLength;
    this.liveTokens += tokens.length;
    this.forward = grown(this.forward, this.forwardLength + tokens.length);
    // Term frequencies in a reusable array indexed by term number; `distinct` lists the ones set.
    const distinct: number[] = [];
    for (const token of tokens) {
      let id = this.termIds.get(token);
      if (id === undefined) {
        id = this.terms.length;
        this.termIds.set(token, id);
        this.terms.push(token);
        this.postings.push({ docs: new Uint32Array(4), tfs: new Uint16Array(4), length: 0 });
      }
      this.forward[this.forwardLength++] = id;
      if (this.tally.length <= id) this.tally = grown(this.tally, id + 1);
      if (this.tally[id]!++ === 0) distinct.push(id);
    }
    this.liveDf = grown(this.liveDf, this.terms.length);
    for (const id of distinct) {
      this.liveDf[id]!++;
      const list = this.postings[id]!;
      if (list.length === list.docs.length) {
        list.docs = grown(list.docs, list.length + 1);
        list.tfs = grown(list.tfs, list.length + 1);
      }
      list.docs[list.length] = doc;
      list.tfs[list.length] = Math.min(this.tally[id]!, 65_535);
      list.length++;
      this.tally[id] = 0;
    }
  }

  /** Takes a passage out of search (its article was superseded). */
  remove(rowid: number): void {
    this.phrases.clear();
    const doc = this.docOf(rowid);
    if (doc === null || this.deleted[doc]) return;
    this.deleted[doc] = 1;
    this.deletedCount++;
    this.liveTokens -= this.lengths[doc]!;
    this.forEachDistinctTerm(doc, (id) => this.liveDf[id]!--);
  }

  private docOf(rowid: number): number | null {
    let low = 0;
    let high = this.docCount - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = this.rowids[middle]!;
      if (value === rowid) return middle;
      if (value < rowid) low = middle + 1;
      else high = middle - 1;
    }
    return null;
  }

  /** Passages holding the term. */
  documentFrequency(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.liveDf[id]!;
  }

  /**
   * Live documents holding the phrase (its tokens in this order), ascending, with how often: the
   * passages in the postings of all its tokens, each one's token sequence read for the phrase.
   * Kept until the index changes: a check asks for the same phrases three times (their document
   * frequency, the claim's query and the query with its verb's synonyms).
   */
  phrasePostings(tokens: string[]): PhrasePostings {
    const key = tokens.join(' ');
    let found = this.phrases.get(key);
    if (!found) {
      found = this.readPhrase(tokens);
      if (this.phrases.size >= PHRASE_CACHE_SIZE) this.phrases.clear();
      this.phrases.set(key, found);
    }
    return found;
  }

  private readPhrase(tokens: string[]): PhrasePostings {
    const docs: number[] = [];
    const tfs: number[] = [];
    const ids = tokens.map((token) => this.termIds.get(token));
    if (ids.some((id) => id === undefined)) return { docs: new Uint32Array(0), tfs: new Uint32Array(0) };
    const phrase = ids as number[];
    let pivot = 0;
    for (let at = 1; at < phrase.length; at++)
      if (this.postings[phrase[at]!]!.length < this.postings[phrase[pivot]!]!.length) pivot = at;
    const list = this.postings[phrase[pivot]!]!;
    // Only passages holding every token of the phrase are read token by token: the others' postings
    // are stepped through alongside the rarest token's (both ascending).
    const others = [...new Set(phrase)].filter((id) => id !== phrase[pivot]).map((id) => this.postings[id]!);
    const cursors = new Int32Array(others.length);
    const forward = this.forward;
    scan: for (let index = 0; index < list.length; index++) {
      const doc = list.docs[index]!;
      if (this.deleted[doc]) continue;
      for (let other = 0; other < others.length; other++) {
        const postings = others[other]!;
        const at = seek(postings.docs, postings.length, cursors[other]!, doc);
        cursors[other] = at;
        if (at >= postings.length) break scan;
        if (postings.docs[at] !== doc) continue scan;
      }
      const begin = this.starts[doc]!;
      const end = begin + this.lengths[doc]!;
      let count = 0;
      for (let at = begin; at + phrase.length <= end; at++) {
        let offset = 0;
        while (offset < phrase.length && forward[at + offset] === phrase[offset]) offset++;
        if (offset === phrase.length) count++;
      }
      if (count > 0) {
        docs.push(doc);
        tfs.push(count);
      }
    }
    return { docs: Uint32Array.from(docs), tfs: Uint32Array.from(tfs) };
  }

  /**
   * BM25 top `limit` over an OR of phrases (token lists; one token is a term), summed per passage
   * in query order with FTS5's arithmetic, so that scores match the store's to the last bit and
   * ties fall the same way. Ties break on row number, lowest first. `publishedBy` (YYYY-MM-DD)
   * leaves out later passages before ranking; the statistics stay the whole corpus's, as in the
   * stores. Both ways of searching give the same answer; which is faster depends on how many
   * postings the query holds (MaxScore's bookkeeping costs more than it saves on short lists:
   * measured 1.9× slower at 20,000 passages, level at 100,000, 2.4× faster at 1 M).
   */
  search(phrases: string[][], limit: number, publishedBy?: string, atLeast?: number): ScoredDoc[] {
    let postings = 0;
    for (const phrase of phrases) postings += this.postings[this.termIds.get(phrase[0]!) ?? -1]?.length ?? 0;
    return postings < MAX_SCORE_FROM_POSTINGS
      ? this.exhaustiveSearch(phrases, limit, publishedBy)
      : this.maxScoreSearch(phrases, limit, publishedBy, atLeast);
  }

  /**
   * `search` document at a time with MaxScore pruning (max-score.ts): the exhaustive scan's
   * answer, without walking the postings of common terms that cannot change it.
   */
  maxScoreSearch(phrases: string[][], limit: number, publishedBy?: string, atLeast?: number): ScoredDoc[] {
    const live = this.liveDocs;
    if (live === 0 || limit <= 0) return [];
    const { rows, averageLength, excluded } = this.scoring(publishedBy);
    const parts: ScoreCursor[] = [];
    for (const phrase of phrases) {
      if (phrase.length === 1) {
        const id = this.termIds.get(phrase[0]!);
        if (id === undefined || this.liveDf[id] === 0) continue;
        const list = this.postings[id]!;
        parts.push({
          docs: list.docs,
          tfs: list.tfs,
          count: list.length,
          idf: fts5Idf(rows, this.liveDf[id]!),
          saturation: this.saturationBound(id, averageLength),
        });
      } else {
        const postings = this.phrasePostings(phrase);
        const { docs, tfs } = postings;
        if (docs.length === 0) continue;
        if (postings.saturation?.average !== averageLength) {
          let most = 0;
          const shape = { k1: BM25_K1, b: BM25_B, averageLength };
          for (let index = 0; index < docs.length; index++)
            most = Math.max(most, saturation(tfs[index]!, this.lengths[docs[index]!]!, shape));
          postings.saturation = { average: averageLength, most };
        }
        parts.push({
          docs,
          tfs,
          count: docs.length,
          idf: fts5Idf(rows, docs.length),
          saturation: postings.saturation.most,
        });
      }
    }
    const top = maxScoreTopK(
      parts,
      limit,
      { k1: BM25_K1, b: BM25_B, averageLength, lengths: this.lengths, excluded },
      atLeast,
    );
    return top.map(({ doc, score }) => ({ rowid: this.rowids[doc]!, score }));
  }

  /** Corpus statistics for scoring, and which passages a search leaves out. */
  private scoring(publishedBy?: string) {
    // FTS5 counts at least two rows (fts5_aux.c), for the IDF and the average length alike.
    const rows = Math.max(this.liveDocs, 2);
    const lastDay = publishedBy ? dayNumber(publishedBy) : 0;
    const { deleted, days } = this;
    return {
      rows,
      averageLength: this.liveTokens / rows,
      excluded: (doc: number) => deleted[doc] === 1 || (lastDay !== 0 && days[doc]! > lastDay),
    };
  }

  /**
   * A bound on a term's saturation at this average length: kept per term and extended over
   * postings added since, worked out again only when the average outgrows the one it was made for.
   */
  private saturationBound(id: number, averageLength: number): number {
    const list = this.postings[id]!;
    let bound = this.bounds[id];
    if (!bound || bound.average < averageLength)
      this.bounds[id] = bound = { covered: 0, average: averageLength * 1.02, saturation: 0 };
    const shape = { k1: BM25_K1, b: BM25_B, averageLength: bound.average };
    for (let index = bound.covered; index < list.length; index++) {
      const value = saturation(list.tfs[index]!, this.lengths[list.docs[index]!]!, shape);
      if (value > bound.saturation) bound.saturation = value;
    }
    bound.covered = list.length;
    return bound.saturation;
  }

  /**
   * The same ranking as `search` by scoring every posting of every part, term at a time: the
   * reference the tests hold `search` to and the bench's baseline.
   */
  exhaustiveSearch(phrases: string[][], limit: number, publishedBy?: string): ScoredDoc[] {
    if (this.liveDocs === 0 || limit <= 0) return [];
    if (this.scores.length < this.docCount)
      this.scores = new Float64Array(Math.max(this.docCount, this.scores.length * 2));
    const { scores, lengths } = this;
    const { rows, averageLength, excluded } = this.scoring(publishedBy);
    const touched: number[] = [];
    const score = (docs: ArrayLike<number>, tfs: ArrayLike<number>, count: number, df: number) => {
      if (df === 0) return;
      const idf = fts5Idf(rows, df);
      for (let index = 0; index < count; index++) {
        const doc = docs[index]!;
        if (excluded(doc)) continue;
        const tf = tfs[index]!;
        if (scores[doc] === 0) touched.push(doc);
        scores[doc]! +=
          (idf * tf * (BM25_K1 + 1)) /
          (tf + BM25_K1 * (1 - BM25_B + (BM25_B * lengths[doc]!) / averageLength));
      }
    };
    for (const phrase of phrases) {
      if (phrase.length === 1) {
        const id = this.termIds.get(phrase[0]!);
        if (id === undefined) continue;
        const list = this.postings[id]!;
        score(list.docs, list.tfs, list.length, this.liveDf[id]!);
      } else {
        const { docs, tfs } = this.phrasePostings(phrase);
        score(docs, tfs, docs.length, docs.length);
      }
    }
    const top = topK(touched, scores, limit).map((doc) => ({
      rowid: this.rowids[doc]!,
      score: scores[doc]!,
    }));
    for (const doc of touched) scores[doc] = 0;
    return top;
  }

  /** Passages holding a phrase (FTS5's count for a quoted several-word term). */
  phraseFrequency(tokens: string[]): number {
    return this.phrasePostings(tokens).docs.length;
  }

  snapshot(): IndexSnapshot {
    return {
      storeId: this.storeId,
      seq: this.seq,
      terms: this.terms,
      postings: this.postings.map((list) => ({
        docs: list.docs.subarray(0, list.length),
        tfs: list.tfs.subarray(0, list.length),
      })),
      rowids: this.rowids.subarray(0, this.docCount),
      lengths: this.lengths.subarray(0, this.docCount),
      days: this.days.subarray(0, this.docCount),
      deleted: this.deleted.subarray(0, this.docCount),
      starts: this.starts.subarray(0, this.docCount),
      forward: this.forward.subarray(0, this.forwardLength),
    };
  }

  stats(): { passages: number; removed: number; terms: number; postings: number; bytes: number } {
    let postings = 0;
    let bytes =
      this.rowids.byteLength +
      this.lengths.byteLength +
      this.days.byteLength +
      this.deleted.byteLength +
      this.starts.byteLength +
      this.forward.byteLength;
    for (const list of this.postings) {
      postings += list.length;
      bytes += list.docs.byteLength + list.tfs.byteLength;
    }
    return { passages: this.liveDocs, removed: this.deletedCount, terms: this.terms.length, postings, bytes };
  }
}

/**
 * Queries holding at least this many postings (their first tokens' lists) are searched with
 * MaxScore. Between the bench's 100,000-passage queries (37,000 postings on average, the two level)
 * and its 1 M-passage ones (370,000, MaxScore 2.4× faster).
 */
const MAX_SCORE_FROM_POSTINGS = 100_000;

/** FTS5's IDF, floored just above zero for terms in more than half the passages. */
function fts5Idf(rows: number, df: number): number {
  const idf = Math.log((0.5 + rows - df) / (0.5 + df));
  return idf <= 0 ? 1e-6 : idf;
}

/** Whether document a ranks before b: higher score, then lower number. */
function before(scores: Float64Array, a: number, b: number): boolean {
  return scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
}

/** The `limit` best documents, best first, with a min-heap over the touched ones. */
function topK(touched: number[], scores: Float64Array, limit: number): number[] {
  const heap: number[] = [];
  const worse = (i: number, j: number) => before(scores, heap[j]!, heap[i]!);
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j]!, heap[i]!]);
  const down = (start: number) => {
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < heap.length && worse(left, worst)) worst = left;
      if (right < heap.length && worse(right, worst)) worst = right;
      if (worst === i) return;
      swap(i, worst);
      i = worst;
    }
  };
  for (const doc of touched) {
    if (heap.length < limit) {
      heap.push(doc);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!worse(i, parent)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (before(scores, doc, heap[0]!)) {
      heap[0] = doc;
      down(0);
    }
  }
  return heap.sort((a, b) => (before(scores, a, b) ? -1 : 1));
}
