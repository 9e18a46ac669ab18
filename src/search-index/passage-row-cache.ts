import type { Store } from '../store/store.js';

type FetchedPassage = Awaited<ReturnType<Store['passagesByRowid']>>[number];

/**
 * The passages (with their articles' fields) an indexed store last fetched, by row number. A check
 * searches twice (the claim's terms, then with its verb's synonyms) and the two pools mostly hold
 * the same passages; a server answers many checks of one story. The cache is emptied whenever the
 * store's change log moves, so it never serves a row older than the index it was found by.
 */
export class PassageRowCache {
  private readonly rows = new Map<number, FetchedPassage>();
  private seq = -1;

  constructor(private readonly capacity = 5_000) {}

  /** The rows asked for, in order (unknown ones left out): cached ones as they are, the rest fetched. */
  async fetch(
    rowids: number[],
    seq: number,
    load: (rowids: number[]) => Promise<FetchedPassage[]>,
  ): Promise<FetchedPassage[]> {
    if (seq !== this.seq) {
      this.rows.clear();
      this.seq = seq;
    }
    const cached = new Map<number, FetchedPassage>();
    for (const rowid of rowids) {
      const row = this.rows.get(rowid);
      if (row) cached.set(rowid, row);
    }
    const missing = rowids.filter((rowid) => !cached.has(rowid));
    const loaded = missing.length > 0 ? await load(missing) : [];
    for (const row of loaded) cached.set(row.rowid, row);
    // Another search may have moved the change log while this one read: keep nothing then.
    if (seq === this.seq)
      for (const rowid of rowids) {
        const row = cached.get(rowid);
        if (!row) continue;
        // Least recently used goes first: what this search used moves to the back.
        this.rows.delete(rowid);
        this.rows.set(rowid, row);
        if (this.rows.size > this.capacity) this.rows.delete(this.rows.keys().next().value!);
      }
    return rowids.flatMap((rowid) => cached.get(rowid) ?? []);
  }
}
