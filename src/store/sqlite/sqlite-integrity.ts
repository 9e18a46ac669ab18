import type Database from 'better-sqlite3';
import { articlesFinding, setDifference, syncFinding } from '../integrity.js';
import type { IntegrityFinding } from '../store.js';

const CURRENT_PASSAGES =
  'SELECT p.rowid AS rowid FROM passages p JOIN articles a ON a.id = p.article_id WHERE a.superseded_by IS NULL';
/** The last change logged for each passage that is "added": what an index following the log holds. */
const LOGGED_AS_SEARCHABLE = `SELECT passage_rowid AS rowid FROM index_log
  WHERE seq IN (SELECT max(seq) FROM index_log GROUP BY passage_rowid) AND added = 1`;

const rowids = (db: Database.Database, sql: string) =>
  (db.prepare(sql).all() as Array<{ rowid: number }>).map((row) => row.rowid);

/**
 * SQLite's consistency checks: current articles have passages; the FTS5 index holds exactly the
 * current passages (read from its docsize shadow table: one row per indexed passage); the change
 * log the in-process index follows ends with exactly those passages searchable; FTS5's own
 * structure check. Repairs run in one transaction.
 */
export function checkSqliteIntegrity(db: Database.Database, repair: boolean): IntegrityFinding[] {
  return db.transaction(() => {
    const orphans = db
      .prepare(
        `SELECT a.id, a.source FROM articles a WHERE a.superseded_by IS NULL
         AND NOT EXISTS (SELECT 1 FROM passages p WHERE p.article_id = a.id)
         AND NOT EXISTS (SELECT 1 FROM articles b WHERE b.superseded_by = a.id)`,
      )
      .all() as Array<{ id: string; source: string }>;
    if (repair)
      for (const orphan of orphans) {
        db.prepare('DELETE FROM article_bands WHERE article_id = ?').run(orphan.id);
        db.prepare('DELETE FROM articles WHERE id = ?').run(orphan.id);
      }

    const current = rowids(db, CURRENT_PASSAGES);
    const fts = setDifference(current, rowids(db, 'SELECT id AS rowid FROM passages_fts_docsize'));
    const ftsBroken = fts.missing.length + fts.extra.length > 0;
    if (repair && ftsBroken) {
      // Rebuilt from the current passages only (FTS5's own 'rebuild' would index superseded ones too).
      db.exec("INSERT INTO passages_fts (passages_fts) VALUES ('delete-all')");
      db.exec(`INSERT INTO passages_fts (rowid, text) SELECT p.rowid, p.text FROM passages p
        JOIN articles a ON a.id = p.article_id WHERE a.superseded_by IS NULL`);
    }
    let structure = '';
    try {
      db.prepare("INSERT INTO passages_fts (passages_fts, rank) VALUES ('integrity-check', 0)").run();
    } catch (error) {
      structure = (error as Error).message;
    }

    const log = setDifference(current, rowids(db, LOGGED_AS_SEARCHABLE));
    if (repair && log.missing.length > 0) {
      // Indexes take passages in row order, so a lost "added" cannot be appended: the log is written
      // again from the rows, under a new store id that tells every saved index to rebuild.
      db.exec(`DELETE FROM index_log;
        INSERT INTO index_log (passage_rowid, added) ${CURRENT_PASSAGES.replace('p.rowid AS rowid', 'p.rowid, 1')} ORDER BY p.rowid;
        UPDATE corpus_meta SET value = lower(hex(randomblob(16))) WHERE key = 'store_id';`);
    } else if (repair) {
      const append = db.prepare('INSERT INTO index_log (passage_rowid, added) VALUES (?, 0)');
      for (const rowid of log.extra) append.run(rowid);
    }
    return [
      articlesFinding(orphans, repair),
      syncFinding('full-text index (FTS5) in step', 'full-text index', fts, repair),
      {
        check: 'full-text index structure',
        problems: structure ? 1 : 0,
        detail: structure ? `FTS5 integrity-check failed: ${structure}` : 'FTS5 integrity-check passed',
        repaired: false,
      },
      syncFinding('search change log in step', 'change log', log, repair),
    ];
  })();
}
