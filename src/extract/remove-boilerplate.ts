/**
 * Boilerplate that article extractors leave in: subscription and newsletter prompts, agency
 * footers, share bars, "related topics" headers, copyright lines. The rules are general (no site
 * names); they only remove SHORT paragraphs, so that an article about subscriptions keeps its body.
 */
export const BOILERPLATE_PATTERN =
  /\b(subscri(be|ber|bers|ption|ptions)|newsletters?|sign up|all rights reserved|copyright|share (this|on)|follow (us|\w+( \w+){0,3} on (twitter|facebook|instagram|x))|related (topics|articles|stories|content|coverage|videos|posts)|read more|(read|see) also|download (our|the|\w+)( \w+)? apps?|advertisement|we want to hear what you think|not responsible for the (opinions|content)|latest news about)\b|©|^(à lire aussi|lire aussi|lea (también|más|tambien|mas)|leia também|lesen sie auch|auch interessant|ver también)\b/iu;

/** Cues that also occur in real prose ("cookies", "terms of service"): they only mark very short paragraphs. */
export const WEAK_BOILERPLATE_PATTERN =
  /\b((accept|use|our|manage) cookies|cookie (policy|settings|consent)|privacy policy|terms of (use|service)|contact us|log in|click here)\b/i;

/** A share bar's labels, each left as its own paragraph: "Share", "Facebook", "WhatsApp", "Copy link". */
export const SHARE_LABEL =
  /^(share|share this( article| story)?|tweet|facebook|twitter|x|whatsapp|telegram|linkedin|pinterest|reddit|flipboard|e-?mail|print|copy link|comments?)$/i;

/** A boilerplate paragraph is at most this long. */
export const BOILERPLATE_MAX_CHARS = 320;

/** A paragraph with only a weak cue is boilerplate when at most this long. */
export const WEAK_BOILERPLATE_MAX_CHARS = 100;

/** Trailing fragments (share labels, tag headers, one-word links) have at most this many words. */
export const TAIL_FRAGMENT_MAX_WORDS = 4;

export function isBoilerplate(paragraph: string): boolean {
  return (
    SHARE_LABEL.test(paragraph.trim()) ||
    (paragraph.length <= BOILERPLATE_MAX_CHARS && BOILERPLATE_PATTERN.test(paragraph)) ||
    (paragraph.length <= WEAK_BOILERPLATE_MAX_CHARS && WEAK_BOILERPLATE_PATTERN.test(paragraph))
  );
}

/** ... and at most this many characters (a CJK sentence has no spaces, so words alone mislead). */
export const TAIL_FRAGMENT_MAX_CHARS = 30;

/** Tail fragments are only stripped from bodies with at least this many paragraphs. */
export const TAIL_MIN_PARAGRAPHS = 4;

function isTailFragment(paragraph: string): boolean {
  const words = paragraph.split(/\s+/).filter(Boolean).length;
  return (
    words <= TAIL_FRAGMENT_MAX_WORDS &&
    paragraph.length <= TAIL_FRAGMENT_MAX_CHARS &&
    !/[.!?"”。！？…:)]$/.test(paragraph)
  );
}

/**
 * Drops boilerplate paragraphs anywhere and, with `trimTail` (plain text, where a page's share
 * labels and tag lists end up as loose lines), short unpunctuated fragments at the end of the body.
 * HTML keeps its last lines: there they are list items and contact lines as often as chrome.
 */
export function removeBoilerplate(
  paragraphs: string[],
  options: { trimTail: boolean } = { trimTail: true },
): string[] {
  const kept = paragraphs.filter((paragraph) => !isBoilerplate(paragraph));
  if (!options.trimTail || kept.length < TAIL_MIN_PARAGRAPHS) return kept;
  while (kept.length > 1 && isTailFragment(kept[kept.length - 1]!)) kept.pop();
  return kept;
}
