/**
 * The dates a sentence gives for what it reports, resolved against its article's publication day:
 * "on August 19" and "19 August 2014" as written (the year, when missing, is the article's, or the
 * one before when that would put the event after publication); "on Tuesday" as the last Tuesday on
 * or before the article's day; "yesterday" as the day before it. A date that only dates the saying
 * ("…, officials said Tuesday") dates no event and is left out, as are spans ("two days after the
 * call") that need another event to resolve.
 */
import { MONTHS, WEEKDAYS, monthIndex } from '../analyze/calendar.js';

export interface EventDate {
  /** ISO day (YYYY-MM-DD), or YYYY-MM for a month, or YYYY for a year. */
  iso: string;
  precision: 'day' | 'month' | 'year';
  /** The words that gave it. */
  text: string;
}

const MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`;
const DATE_PATTERN = new RegExp(
  [
    String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+((?:19|20)\d{2}))?\b`,
    String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH}(?:,?\s+((?:19|20)\d{2}))?\b`,
    String.raw`\b(?:on\s+|last\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`,
    String.raw`\b(yesterday)\b`,
    String.raw`\bin\s+${MONTH}\s+((?:19|20)\d{2})\b`,
    String.raw`\bin\s+((?:19|20)\d{2})\b`,
  ].join('|'),
  'g',
);
/** A date right after a verb of saying dates the saying ("officials said Tuesday"). */
const SAYING_BEFORE =
  /\b(said|says|told|announced|reported|confirmed|added|wrote|tweeted|stated)\s*(on\s+)?$/i;

const pad = (value: number) => String(value).padStart(2, '0');

function dayOf(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month, day));
  return date.getUTCMonth() === month && date.getUTCDate() === day
    ? `${year}-${pad(month + 1)}-${pad(day)}`
    : null;
}

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Every event date the sentence gives, in order; `published` is its article's day (or null). */
export function datesInSentence(sentence: string, published: string | null): EventDate[] {
  const day = published?.slice(0, 10) ?? null;
  const out: EventDate[] = [];
  for (const match of sentence.matchAll(DATE_PATTERN)) {
    if (SAYING_BEFORE.test(sentence.slice(0, match.index))) continue;
    const [text, m1, d1, y1, d2, m2, y2, weekday, yesterday, m3, y3, y4] = match;
    if (m1 || m2) {
      const month = monthIndex((m1 ?? m2)!);
      const date = Number(d1 ?? d2);
      const written = y1 ?? y2;
      let year = written ? Number(written) : day ? Number(day.slice(0, 4)) : null;
      if (year === null) continue;
      let iso = dayOf(year, month, date);
      // "on December 30" in an article of January 2 is last year's.
      if (iso && !written && day && iso > addDays(day, 1)) iso = dayOf(--year, month, date);
      if (iso) out.push({ iso, precision: 'day', text });
    } else if (weekday && day) {
      const target = WEEKDAYS.indexOf(weekday.toLowerCase() as (typeof WEEKDAYS)[number]);
      const back = (new Date(`${day}T00:00:00Z`).getUTCDay() - target + 7) % 7;
      out.push({ iso: addDays(day, -back), precision: 'day', text });
    } else if (yesterday && day) out.push({ iso: addDays(day, -1), precision: 'day', text });
    else if (m3 && y3) out.push({ iso: `${y3}-${pad(monthIndex(m3) + 1)}`, precision: 'month', text });
    else if (y4) out.push({ iso: y4, precision: 'year', text });
  }
  return out;
}

/** "August 19, 2014", "August 2014", "2014". */
export function formatEventDate(date: EventDate): string {
  const [year, month, dayOfMonth] = date.iso.split('-');
  const monthName = month
    ? MONTHS[Number(month) - 1]!.charAt(0).toUpperCase() + MONTHS[Number(month) - 1]!.slice(1)
    : '';
  if (date.precision === 'year') return year!;
  if (date.precision === 'month') return `${monthName} ${year}`;
  return `${monthName} ${Number(dayOfMonth)}, ${year}`;
}
