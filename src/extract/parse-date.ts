const MONTHS = 'january february march april may june july august september october november december'.split(
  ' ',
);

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function isoDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2200) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * Normalises a date as pages and wire copy write it to ISO 8601: ISO strings keep their time,
 * "19.10.2025" (day first, as European outlets write it), "October 19, 2025", "19 October 2025",
 * and anything `Date.parse` reads (RFC 2822 from feeds). Returns null when there is no date.
 */
export function parseDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?/.exec(text);
  if (iso) {
    const day = isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (!day) return null;
    if (!iso[4]) return day;
    const parsed = Date.parse(iso[0]);
    return Number.isNaN(parsed) ? day : new Date(parsed).toISOString();
  }
  // RFC 2822 as feeds write it ("Sun, 19 Oct 2025 10:00:00 GMT"): keep the time.
  if (/\b\d{1,2}:\d{2}\b/.test(text) && /\b[A-Za-z]{3}\b/.test(text) && !Number.isNaN(Date.parse(text))) {
    return new Date(Date.parse(text)).toISOString();
  }
  const dotted = /\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/.exec(text);
  if (dotted) return isoDay(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  const lower = text.toLowerCase();
  const monthFirst = /\b([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b/.exec(lower);
  const dayFirst = /\b(\d{1,2}) ([a-z]{3,9})\.?,? (\d{4})\b/.exec(lower);
  for (const [monthName, day, year] of [
    monthFirst ? [monthFirst[1], monthFirst[2], monthFirst[3]] : null,
    dayFirst ? [dayFirst[2], dayFirst[1], dayFirst[3]] : null,
  ].filter((parts): parts is string[] => parts !== null)) {
    const month = MONTHS.findIndex((name) => name.startsWith(monthName!.slice(0, 3)));
    if (month >= 0) return isoDay(Number(year), month + 1, Number(day));
  }
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
}

/**
 * The publication day many news addresses carry ("/2014/08/19/", "/2025-10-19/", "-20251019-"),
 * for articles whose page and feed give none. A year and month alone ("/2014/08/") is no day.
 */
export function dateInUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const match =
    /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=[/._-]|$)/.exec(path) ??
    /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?=[/._-]|$)/.exec(path);
  return match ? isoDay(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}
