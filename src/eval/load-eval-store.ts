import { contentHash } from '../ingest/content-hash.js';
import { createSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import type { EvalCorpusLine } from './eval-format.js';

/**
 * An in-memory store holding an evaluation corpus: each line is one article with one passage
 * holding one sentence (no re-splitting), so that ranked passages map back to corpus ids.
 */
export async function loadEvalStore(corpus: EvalCorpusLine[]): Promise<Store> {
  const store = createSqliteStore({ path: ':memory:' });
  const now = new Date('2000-01-01T00:00:00Z');
  await store.putArticles(
    corpus.map((line) => {
      const article = {
        title: line.title ?? null,
        standfirst: null,
        authors: [],
        outlet: line.outlet ?? null,
        section: null,
        published: line.published ?? null,
        updated: null,
        dateline: null,
        language: null,
        // Lines of one article are grouped by address when ranking; an "article" id stands in for one.
        url:
          line.url ?? (line.article ? `urn:verity-eval:article:${encodeURIComponent(line.article)}` : null),
        text: line.text,
      };
      const hash = contentHash({ title: `${line.id}\n${article.title ?? ''}`, text: line.text });
      return {
        source: line.id,
        article,
        contentHash: hash,
        passages: [{ text: line.text, sentences: [line.text] }],
      };
    }),
    now,
  );
  return store;
}
