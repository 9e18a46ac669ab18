/** An all-capitals place line that opens a wire story on its own line: "ISTANBUL", "WASHINGTON (Reuters)". */
export const DATELINE_LINE = /^(\p{Lu}[\p{Lu} .'-]{1,40})(\s*\([^)]{1,40}\))?$/u;

/** A place that opens the first paragraph: "LONDON — ", "WASHINGTON (AP) - ", "GAZA CITY, Gaza Strip — ". */
export const DATELINE_PREFIX =
  /^(\p{Lu}[\p{Lu} .'-]{2,40})(?:,\s*[\p{L} .]{2,30})?(\s*\([^)]{1,40}\))?\s*[-–—]\s+/u;

/** The dateline a paragraph opens with, if any. */
export function datelineOf(paragraph: string | undefined): string | null {
  const match = paragraph ? DATELINE_PREFIX.exec(paragraph) : null;
  return match ? match[1]!.trim() : null;
}
