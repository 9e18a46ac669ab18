const ROLE_WORDS =
  /\b(staff|writer|reporter|correspondent|editor|contributor|columnist|producer|photographer|associated press|updated|published|posted)\b/i;

/**
 * Turns a byline ("By Jane Doe and John Roe, Staff Writers | 19.10.2025") into author names:
 * drops "By", dates, times, roles, e-mail addresses and links; splits on "and", "&", commas and bars.
 */
export function cleanAuthors(raw: string | string[] | null | undefined): string[] {
  const values = Array.isArray(raw) ? raw : raw ? [raw] : [];
  const names: string[] = [];
  for (const value of values) {
    const parts = value
      .replace(/\S+@\S+|https?:\/\/\S+/g, ' ')
      // "Posted on September 21, 2020 by Adi Tzlil": the names follow the last "by".
      .replace(/^.*\bby\b[:\s]+(?=\S)/is, '')
      .replace(/^\s*(author|authors|autor|auteur|autore)\s*[:：]\s*/i, '')
      .replace(/\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b.*$/s, ' ')
      .replace(
        /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(st|nd|rd|th)?,? \d{4}.*$/is,
        ' ',
      )
      .replace(/\s+(am|on|at|le|el|il|um)\s*$/i, '')
      .split(/\s*(?:,|\||;|\band\b|&|\bwith\b)\s*/i);
    for (const part of parts) {
      const name = part
        .replace(/^\s*by\s+/i, '')
        .replace(/\s+/g, ' ')
        .trim();
      // Digits only in one-word handles ("Bo2man"), never in a name with spaces (a date or time left over).
      const hasDigits = /\d/.test(name) && /\s/.test(name);
      if (name.length < 3 || name.length > 60 || ROLE_WORDS.test(name) || hasDigits || /^\d+$/.test(name))
        continue;
      if (!/\p{Lu}/u.test(name)) continue;
      if (!names.includes(name)) names.push(name);
    }
  }
  return names;
}
