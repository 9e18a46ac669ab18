import { existsSync } from 'node:fs';
import { indexTokens, queryPhrases, queryTerm } from '../store/index-terms.js';
import type { IntegrityFinding, PassageQuery, Store } from '../store/store.js';
import type { RankedPassage } from '../types.js';
import { IndexFileError, loadIndexFile, saveIndexFile } from './index-file.js';
import { MemoryIndex } from './memory-index.js';
import { PassageRowCache } from './passage-row-cache.js';

export interface SearchIndexOptions {
  /** Where the index is saved between runs; null keeps it in memory only. */
  file: string | null;
  /** Where notes go ("rebuilding the search index …"); stderr by default. */
  log?: (message: string) => void;
  /** Store changes read per round trip while catching up. */
  batchSize?: number;
  /** Write the file on close and reindex (default true); readers that share a file with a writer pass false. */
  save?: boolean;
}

export interface SearchIndexStatus {
  file: string | null;
  /** The last store change the index holds, and the store's latest. */
  seq: number;
  storeSeq: number;
  passages: number;
  removed: number;
  terms: number;
  postings: number;
  bytes: number;
}

/** A store whose passage search runs on an in-process index kept in step with it. */
export interface IndexedStore extends Store {
  /** Drops the index and builds it again from the store's passages (`verity reindex`), then saves it. */
  reindex(): Promise<SearchIndexStatus>;
  indexStatus(): Promise<SearchIndexStatus>;
  /** Catches the index up with the store and saves it, so that other readers of the file start from here. */
  persist(): Promise<SearchIndexStatus>;
}

const DEFAULT_BATCH = 5_000;

export function isIndexedStore(store: Store): store is IndexedStore {
  return 'persist' in store && typeof store.persist === 'function';
}

/**
 * Wraps a store so that passage search and document frequencies come from an in-process BM25
 * index (memory-index.ts) with the store's own scores. The store stays the source of truth: the
 * index follows its change log (index_log) before every read, so that writes by this process or
 * any other are seen; an index file from another database, ahead of the store, or damaged is
 * thrown away and the index rebuilt from the store. Everything else goes to the store unchanged.
 */
export function withSearchIndex(store: Store, options: SearchIndexOptions): IndexedStore {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  let index: MemoryIndex | null = null;
  let savedSeq = -1;
  let pending: Promise<MemoryIndex> | null = null;
  const rowCache = new PassageRowCache();

  function opened(storeId: string): MemoryIndex {
    const file = options.file;
    if (!file || !existsSync(file)) return new MemoryIndex(storeId);
    try {
      const snapshot = loadIndexFile(file);
      if (snapshot.storeId !== storeId) {
        log(`search index ${file} was built from another database; rebuilding it from this one.`);
        return new MemoryIndex(storeId);
      }
      savedSeq = snapshot.seq;
      return new MemoryIndex(storeId, snapshot);
    } catch (error) {
      // Whatever is wrong with the file (damaged, unreadable, another format), the store can rebuild it.
      const reason = error instanceof IndexFileError ? error.message : String(error);
      log(`search index ${file} cannot be used (${reason}); rebuilding it from the store.`);
      return new MemoryIndex(storeId);
    }
  }

  async function catchUp(current: MemoryIndex): Promise<MemoryIndex> {
    const last = await store.lastIndexChange();
    let target = current;
    if (target.seq > last) {
      log('search index is ahead of the store (a restored or replaced database?); rebuilding it.');
      target = new MemoryIndex(target.storeId);
    }
    // A rewritten change log (verity doctor --repair) comes with a new store id: start again from it.
    // Checked only when there is something to follow, so that a read with nothing new costs nothing.
    if (target.seq < last) {
      const storeId = await store.storeId();
      if (storeId !== target.storeId) {
        log("the store's change log was rewritten (verity doctor --repair); rebuilding the search index.");
        target = new MemoryIndex(storeId);
      }
    }
    while (target.seq < last) {
      const changes = await store.indexChanges(target.seq, batchSize);
      if (changes.length === 0) break;
      for (const change of changes) {
        if (change.added) {
          target.add(change.rowid, indexTokens(change.text ?? ''), change.published);
        } else target.remove(change.rowid);
        target.seq = change.seq;
      }
    }
    return target;
  }

  /** The index, caught up with the store; concurrent callers share one catch-up. */
  function ready(): Promise<MemoryIndex> {
    pending ??= (async () => {
      try {
        index ??= opened(await store.storeId());
        index = await catchUp(index);
        return index;
      } finally {
        pending = null;
      }
    })();
    return pending;
  }

  async function status(current: MemoryIndex): Promise<SearchIndexStatus> {
    return {
      file: options.file,
      seq: current.seq,
      storeSeq: await store.lastIndexChange(),
      ...current.stats(),
    };
  }

  function save(current: MemoryIndex): void {
    if (!options.file || options.save === false || current.seq === savedSeq) return;
    saveIndexFile(options.file, current.snapshot());
    savedSeq = current.seq;
  }

  return {
    ...store,
    async searchPassages(query: PassageQuery): Promise<RankedPassage[]> {
      const current = await ready();
      const top = current.search(queryPhrases(query.terms), query.limit, query.publishedBy, query.atLeast);
      const scores = new Map(top.map((hit) => [hit.rowid, hit.score]));
      const passages = await rowCache.fetch(
        top.map((hit) => hit.rowid),
        current.seq,
        (rowids) => store.passagesByRowid(rowids),
      );
      return passages.map(({ rowid, article, ...passage }) => ({
        passage,
        article,
        score: scores.get(rowid)!,
      }));
    },
    async documentFrequencies(terms: string[]): Promise<Map<string, number>> {
      const current = await ready();
      const out = new Map<string, number>();
      for (const term of terms) {
        const tokens = queryTerm(term);
        if (tokens.length === 0) out.set(term, 0);
        else if (tokens.length === 1) out.set(term, current.documentFrequency(tokens[0]!));
        else out.set(term, current.phraseFrequency(tokens));
      }
      return out;
    },
    async reindex() {
      await ready();
      index = await catchUp(new MemoryIndex(await store.storeId()));
      savedSeq = -1;
      save(index);
      return status(index);
    },
    async indexStatus() {
      return status(await ready());
    },
    async checkIntegrity(repair: boolean): Promise<IntegrityFinding[]> {
      // The store first: its repairs append to the change log, which the index then follows.
      const findings = await store.checkIntegrity(repair);
      if (findings.some((finding) => finding.problems > 0 && !finding.repaired)) {
        // Its counts and change log are what the index is held to: they must be right first.
        findings.push({
          check: 'in-process search index in step',
          problems: 0,
          detail: 'not checked: the checks above must pass first',
          repaired: false,
        });
        return findings;
      }
      let current = await ready();
      const expected = (await store.corpusState()).passages;
      const held = current.stats().passages;
      const off = held !== expected;
      if (repair && off) {
        current = index = await catchUp(new MemoryIndex(await store.storeId()));
        savedSeq = -1;
        save(current);
      }
      findings.push({
        check: 'in-process search index in step',
        problems: off ? 1 : 0,
        detail: off
          ? `the index${options.file ? ` (${options.file})` : ''} holds ${held} passages, the store ${expected}${repair ? `; rebuilt, now ${current.stats().passages}` : '; run verity doctor --repair (or verity reindex)'}`
          : `holds the store's ${expected} current passages, up to change ${current.seq}`,
        repaired: repair && off,
      });
      return findings;
    },
    async persist() {
      const current = await ready();
      save(current);
      return status(current);
    },
    async close() {
      try {
        if (index) save(index);
      } finally {
        await store.close();
      }
    },
  };
}
