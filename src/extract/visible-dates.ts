import { parseDate } from './parse-date.js';

const DATE_TEXT =
  /\b\d{1,2}[./]\d{1,2}[./]\d{4}\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}\b|\b\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* \d{4}\b/gi;

/** Elements where pages print dates for readers: bylines, date and time blocks, article meta lines. */
const DATE_PLACES =
  '[class*="date" i], [class*="time" i], [class*="byline" i], [class*="meta" i], [itemprop*="date" i], time';

/**
 * Published and updated dates as the page prints them ("19.10.2025 - Update : 19.10.2025",
 * "Updated October 20, 2025"), for pages whose metadata has none. The first date is the
 * publication; a date after "update"/"modified" is the update.
 */
export function visibleDates(document: Document): { published: string | null; updated: string | null } {
  for (const element of document.querySelectorAll(DATE_PLACES)) {
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length === 0 || text.length > 200) continue;
    const matches = [...text.matchAll(DATE_TEXT)];
    if (matches.length === 0) continue;
    const published = parseDate(matches[0]![0]);
    if (!published) continue;
    const updateAt = text.search(/updat|modif|aktualisiert|mis à jour|actualizad/i);
    const later = matches.find((match) => updateAt >= 0 && match.index! > updateAt);
    return { published, updated: later ? parseDate(later[0]) : null };
  }
  return { published: null, updated: null };
}
