/** Month names, lower-case, January first: the index is the month's number less one. */
export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

/** Weekday names, lower-case, Sunday first: the index is JavaScript's `getUTCDay()`. */
export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;

/** The month a name or its three-letter abbreviation gives ("Sept." → 8), or -1. */
export function monthIndex(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/, '');
  return lower.length >= 3 ? MONTHS.findIndex((month) => month.startsWith(lower.slice(0, 3))) : -1;
}
