import { citedOrigin } from './trace-provenance.js';

/** Who a sentence's content comes from, as a reader of the report needs to know. */
export interface Attribution {
  /**
   * `person` or `organisation` quoted or paraphrased by name; `outlet` for another news outlet's
   * reporting ("the Washington Post reported"); `anonymous` for sources nobody names ("officials
   * familiar with the call"); `own-voice` when the article states it itself.
   */
  kind: 'person' | 'organisation' | 'outlet' | 'anonymous' | 'own-voice';
  /** The name or description ("Douglas Farah", "State Department", "officials"); null when unnamed. */
  who: string | null;
  /** The role or office the sentence gives the speaker ("State Department spokesman"), if any. */
  role: string | null;
  /** Named sources and the article's own voice are on the record; anonymous sources are not. */
  onRecord: boolean;
  /** The outlet that relays an anonymous or quoted source ("… the report cited officials as saying"). */
  via: string | null;
}

/** Sourcing nobody puts a name to: "officials familiar with the call", "the report cited officials". */
export const ANONYMOUS_SOURCING =
  /\b((officials|sources|people|person|aides?) (familiar|close|briefed|who (spoke|asked|requested))|(cited|citing|quoted) (unnamed |anonymous |several |two |three )?(officials|sources)|officials (said|say|argue|argued|told|as saying)|on (the )?condition of anonymity|unnamed (officials?|sources?|\w+ officials?)|anonymous (officials?|sources?))\b/i;
/** Words that may qualify an anonymous source before it ("current and former Justice Department …"). */
const QUALIFIER =
  /^(current|and|former|senior|some|several|two|three|four|five|many|other|U\.S\.|US|\p{Lu}[\p{L}.]*)$/u;
/** …and what may follow it ("familiar with the call", "briefed on the talks"). */
const ANONYMOUS_TAIL = /^(?:(?:familiar|close) (?:with|to)|briefed on)(?: the)? [\p{L}-]+/u;

/** The whole description of an anonymous source around the cue the sentence matched. */
function anonymousSource(sentence: string, match: RegExpExecArray): string {
  const cue = match[0].replace(/^(cited|citing|quoted) (unnamed |anonymous |several |two |three )?/i, '$2');
  const start = match.index + (match[0].length - cue.length);
  const before = sentence.slice(0, start).trimEnd().split(/\s+/);
  const qualifiers: string[] = [];
  while (before.length > 0 && QUALIFIER.test(before[before.length - 1]!) && qualifiers.length < 6)
    qualifiers.unshift(before.pop()!);
  while (qualifiers[0] === 'and') qualifiers.shift();
  const core = cue.replace(/\s+(said|say|argue|argued|told|as saying|familiar|close|briefed)$/i, '');
  const tail = ANONYMOUS_TAIL.exec(sentence.slice(start + core.length).trimStart())?.[0];
  return [...qualifiers, core, tail].filter(Boolean).join(' ');
}

const SPEECH =
  'cautioned|countered|responded|replied|testified|said|says|told|tells|argued|argues|added|wrote|writes|stated|claimed|claims|denied|denies|rejected|warned|insisted|noted|explained|tweeted|posted|announced|confirmed|remarked|asserted|acknowledged|was quoted';
/** Words of an office or a title that come before a name ("State Department spokesman Tommy Pigott"). */
const OFFICE =
  /^(secretary|state|attorney|general|president|vice|minister|prime|senator|sen\.|rep\.|representative|gov\.|governor|spokes(man|woman|person)|deputy|director|chief|officer|professor|prof\.|dr\.|judge|justice|mayor|ceo|chair(man|woman)?|ambassador|speaker|leader|department|us|u\.s\.|white|house|former|acting|special|counsel|adviser|advisor|of|the|and)$/i;
/** Words that make a name an organisation's rather than a person's. */
const ORGANISATION =
  /\b(Department|Ministry|Office|Agency|Committee|Party|Administration|Commission|Police|Council|University|Court|House|Senate|Congress|Government|Institute|Association|Corporation|Inc|Company|Campaign|Bureau|Service|Army|Navy|Pentagon|Kremlin|Union|Bank|Fund|Organi[sz]ation|Foundation|Cent(er|re)|Group|Network|Facebook|Google|Twitter)\b/;

/** Names that are news outlets: papers, agencies, broadcasters ("the Washington Post", "Reuters"). */
export const OUTLET_NAME =
  /\b(Post|Times|News|Journal|Tribune|Herald|Gazette|Courier|Telegraph|Guardian|Independent|Observer|Chronicle|Examiner|Inquirer|Standard|Express|Mail|Mirror|Sun|Star|Daily|Weekly|Magazine|Review|Press|Agency|Wire|Radio|Television|TV|Broadcasting|Network|Reuters|AP|AFP|Bloomberg|Axios|Politico|BBC|CNN|NPR|PBS|ABC|CBS|NBC|Fox|MSNBC|Anadolu|Xinhua|TASS|Interfax|Yonhap|Kyodo|Al Jazeera|Le Monde|El País|Der Spiegel|Report)\b/;

/** A sentence that passes on what "the report" or "the newspaper" said, naming no outlet. */
const RELAYED_REPORT =
  /\bthe (report|newspaper|paper|agency|outlet)( \w+)? (added|said|says|reported|noted|stated|cited|found)\b|\b(quoted|cited) (by|in) the (report|newspaper|paper|agency)\b|\baccording to the (report|newspaper|paper)\b/i;

/** Institutions a sentence names in lower case ("the ministry said"). */
const BODIES =
  'ministry|department|agency|company|police|government|office|embassy|military|army|court|campaign';
const LOWER_CASE_BODY = new RegExp(`^(${BODIES})$`);

/** A run of capitalised words (with titles such as "Sen." and initials), the shape of a name. */
const NAME = String.raw`(?:\p{Lu}[\p{L}.'’-]*\s+){0,5}\p{Lu}[\p{L}.'’-]*`;

/** Splits "State Department spokesman Tommy Pigott" into a role and a name. */
function nameAndRole(span: string): { who: string; role: string | null } {
  const words = span
    .trim()
    .replace(/[.,;:]+$/, '')
    .split(/\s+/);
  let start = words.length;
  while (start > 0 && /^\p{Lu}/u.test(words[start - 1]!) && !OFFICE.test(words[start - 1]!)) start--;
  // A name that is nothing but office words ("the State Department") is an organisation's name.
  if (start === words.length) return { who: span.trim().replace(/^the\s+/i, ''), role: null };
  const role = words
    .slice(0, start)
    .join(' ')
    .replace(/^the\s+/i, '');
  return { who: words.slice(start).join(' '), role: role || null };
}

function named(span: string, appositive: string | undefined): Omit<Attribution, 'via'> {
  const { who, role } = nameAndRole(span);
  const extra = appositive?.trim().replace(/,$/, '');
  return {
    kind: ORGANISATION.test(who) || LOWER_CASE_BODY.test(who) ? 'organisation' : 'person',
    who,
    role: [role, extra].filter(Boolean).join(', ') || null,
    onRecord: true,
  };
}

// “…,” Douglas Farah, a US contractor …, was quoted … / “…,” remarked State Department spokesman Tommy Pigott.
const AFTER_QUOTE_SUBJECT = new RegExp(
  String.raw`[,.!?…][”"]\s*(${NAME})\s*(?:,\s*([^”"]{3,160}?),\s*)?(?:${SPEECH})\b(?!\s+to\b)`,
  'u',
);
const AFTER_QUOTE_VERB = new RegExp(
  String.raw`[,.!?…][”"]\s*(?:${SPEECH})\s+((?:[\p{L}.]+\s+){0,4}?${NAME})(?:\s*,\s*([^.”"]{3,120}))?[.!?]?$`,
  'u',
);
// Rubio told Bukele … / The State Department rejected criticism … / Gary Burtless, an economist, said …
const SUBJECT_FIRST = new RegExp(
  String.raw`^(?:The\s+)?((?:[\p{L}.]+\s+){0,3}?${NAME}|(?:${BODIES}))\s*(?:,\s*([^,]{3,120}),\s*)?(?:${SPEECH})\b(?!\s+to\b)`,
  'u',
);
// …, said Gary Burtless, a Brookings Institution economist. / … according to Gary Burtless.
const SPEAKER_LAST = new RegExp(
  String.raw`\b(?:said|says|according to|added|wrote)\s+((?:[\p{Ll}.]+\s+){0,3}?${NAME})(?:\s*,\s*([^.]{3,120}))?[.!?]?$`,
  'u',
);
// …, Smith said. / …, the spokesperson, Jane Roe, added. / Fabio Lanza, a professor …, agreed.
const SPEAKER_END = new RegExp(
  String.raw`(?:^|,\s*)(${NAME})\s*(?:,\s*([^,]{3,120}),\s*)?(?:said|says|added|agreed|disagreed|told \w+)[.!?]?$`,
  'u',
);
const PRONOUN = new RegExp(String.raw`\b(he|she|they)\s+(?:${SPEECH})\b(?!\s+to\b)`, 'i');

/**
 * Who says what a sentence says: a named person or organisation (with the role the sentence gives
 * them), another outlet, an anonymous source, or the article's own voice. English news style:
 * speech verbs ("said", "told", "was quoted … as saying"), "according to", quotation marks.
 */
export function attributeSentence(text: string, creditedOutlet: string | null = null): Attribution {
  const sentence = text.trim();
  // "the report added", "quoted by the newspaper": the outlet the article credits elsewhere.
  const outlet =
    citedOrigin(sentence) ?? (creditedOutlet && RELAYED_REPORT.test(sentence) ? creditedOutlet : null);
  const isOutlet = outlet !== null && (outlet === creditedOutlet || OUTLET_NAME.test(outlet));
  const anonymous = ANONYMOUS_SOURCING.exec(sentence);
  if (anonymous) {
    const who = /condition of anonymity/i.test(anonymous[0]) ? null : anonymousSource(sentence, anonymous);
    return { kind: 'anonymous', who, role: null, onRecord: false, via: isOutlet ? outlet : null };
  }
  // A quotation's speaker first; then another outlet's reporting, whose sentences tell what people
  // did and said ("Rubio told Bukele …, the Washington Post reported"); then a speaker named with
  // a speech verb.
  const quoted = AFTER_QUOTE_SUBJECT.exec(sentence) ?? AFTER_QUOTE_VERB.exec(sentence);
  if (quoted) return { ...named(quoted[1]!, quoted[2]), via: isOutlet ? outlet : null };
  if (isOutlet) return { kind: 'outlet', who: outlet, role: null, onRecord: true, via: null };
  const speaker = SPEAKER_LAST.exec(sentence) ?? SPEAKER_END.exec(sentence) ?? SUBJECT_FIRST.exec(sentence);
  if (speaker) return { ...named(speaker[1]!, speaker[2]), via: null };
  if (PRONOUN.test(sentence)) return { kind: 'person', who: null, role: null, onRecord: true, via: null };
  return { kind: 'own-voice', who: null, role: null, onRecord: true, via: null };
}

/** How a report names who says a sentence: "Douglas Farah (a US contractor …), on the record". */
export function describeAttribution(attribution: Attribution): string {
  const { kind, who, role, via } = attribution;
  const relayed = via ? `, via ${via}` : '';
  switch (kind) {
    case 'own-voice':
      return 'the article itself';
    case 'outlet':
      return `${who}’s reporting`;
    case 'anonymous':
      return `${who ?? 'unnamed sources'} (anonymous, not on the record)${relayed}`;
    default:
      return who
        ? `${who}${role ? ` (${role})` : ''}, on the record${relayed}`
        : `someone the article names earlier, on the record${relayed}`;
  }
}
