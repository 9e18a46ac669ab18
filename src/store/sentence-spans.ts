/**
 * Sentences are stored as spans of their passage's text (start and length in characters, as SQL's
 * substr counts them), not as a second copy of it. A passage is its sentences joined by single
 * spaces (analyze/split-passages.ts), so the spans follow from the lengths; a passage that is not
 * (an input built some other way) keeps its sentences' own text instead.
 */
export interface SentenceSpan {
  ordinal: number;
  /** Characters (code points) before the sentence, in its passage. */
  start: number;
  length: number;
  /** The sentence itself, only when it is not that span of its passage. */
  text: string | null;
}

/** Code points, as SQLite's length() and substr() and PostgreSQL's count them (UTF-16 units differ for emoji). */
function characters(text: string): number {
  // Code units, less the second half of each surrogate pair.
  return text.length - (text.match(/[\uDC00-\uDFFF]/g)?.length ?? 0);
}

export function sentenceSpans(passage: { text: string; sentences: string[] }): SentenceSpan[] {
  const joined = passage.sentences.join(' ') === passage.text;
  let start = 0;
  return passage.sentences.map((sentence, ordinal) => {
    if (!joined) return { ordinal, start: 0, length: 0, text: sentence };
    const length = characters(sentence);
    const span = { ordinal, start, length, text: null };
    start += length + 1;
    return span;
  });
}

/** The sentence text of a stored span row, in SQL (both backends): its own text, else the passage's span. */
export const SPAN_TEXT_SQL = 'coalesce(s.text, substr(p.text, s.span_start + 1, s.span_length))';

/**
 * The migration from sentence rows to spans (the same SQL on both backends): each span starts
 * after the earlier sentences and their joining spaces; a row whose text is not that span keeps it.
 */
export const SPANS_FROM_SENTENCES_SQL = `
  INSERT INTO sentence_spans (passage_rowid, ordinal, span_start, span_length, text)
    SELECT p.rowid, s.ordinal, s.span_start, length(s.text),
      CASE WHEN substr(p.text, s.span_start + 1, length(s.text)) = s.text THEN NULL ELSE s.text END
    FROM (
      SELECT passage_id, ordinal, text,
        CAST(coalesce(sum(length(text) + 1) OVER (
          PARTITION BY passage_id ORDER BY ordinal ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS INTEGER)
          AS span_start
      FROM sentences
    ) s JOIN passages p ON p.id = s.passage_id;
  DROP TABLE sentences;`;
