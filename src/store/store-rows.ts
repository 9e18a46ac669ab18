import type { ArticleInfo, Passage, Report, StoredArticle } from '../types.js';
import type { StoredCheck } from './store.js';

/** Row shapes as both backends return them (the same columns), and their mapping to the shared types. */
export interface ArticleRow {
  id: string;
  source: string;
  content_hash: string;
  title: string | null;
  standfirst: string | null;
  authors: string;
  outlet: string | null;
  section: string | null;
  published: string | null;
  updated: string | null;
  dateline: string | null;
  language: string | null;
  url: string | null;
  text: string;
  ingested_at: string;
  syndication_group: string | null;
}

export interface PassageRow {
  id: string;
  article_id: string;
  ordinal: number;
  text: string;
}

/** The columns of `ArticleRow` but the text, for search results (`ArticleInfo`). */
export const ARTICLE_INFO_COLUMNS =
  'id, source, content_hash, title, standfirst, authors, outlet, section, published, updated, dateline, language, url, ingested_at, syndication_group';

export function toArticleInfo(row: Omit<ArticleRow, 'text'>): ArticleInfo {
  return {
    id: row.id,
    source: row.source,
    contentHash: row.content_hash,
    title: row.title,
    standfirst: row.standfirst,
    authors: JSON.parse(row.authors) as string[],
    outlet: row.outlet,
    section: row.section,
    published: row.published,
    updated: row.updated,
    dateline: row.dateline,
    language: row.language,
    url: row.url,
    ingestedAt: row.ingested_at,
    syndicationGroup: row.syndication_group,
  };
}

export function toArticle(row: ArticleRow): StoredArticle {
  const { ingestedAt, syndicationGroup, ...fields } = toArticleInfo(row);
  // The fields in the order they always had (stored and served JSON keeps its key order).
  return { ...fields, text: row.text, ingestedAt, syndicationGroup };
}

export function toPassage(row: PassageRow): Passage {
  return { id: row.id, articleId: row.article_id, ordinal: row.ordinal, text: row.text };
}

export interface CheckRow {
  id: string;
  question: string;
  as_of: string;
  created_at: string;
  report: string;
  previous_id: string | null;
}

export function toCheck(row: CheckRow): StoredCheck {
  return {
    id: row.id,
    question: row.question,
    asOf: row.as_of,
    createdAt: row.created_at,
    report: JSON.parse(row.report) as Report,
    previousId: row.previous_id,
  };
}
