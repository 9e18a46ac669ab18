import { getFullNlp } from '../analyze/nlp.js';
import { pastTense, thirdPerson } from './inflect-verb.js';

interface Token {
  value: string;
  pos: string;
  lemma: string;
}

const NOUN_PHRASE = new Set(['DET', 'PROPN', 'NOUN', 'ADJ', 'NUM', 'PRON', 'PART']);
const MODALS = new Set(['can', 'could', 'will', 'would', 'should', 'may', 'might', 'must', 'shall']);

function tokensOf(text: string): Token[] {
  const nlp = getFullNlp();
  const tokens = nlp.readDoc(text).tokens();
  const values = tokens.out(nlp.its.value);
  const pos = tokens.out(nlp.its.pos);
  // The typings do not list `lemma` among token properties, though the model provides it.
  const lemmas = tokens.out(nlp.its.lemma as unknown as typeof nlp.its.value);
  return values.map((value, index) => ({ value, pos: pos[index] ?? 'X', lemma: lemmas[index] ?? value }));
}

function continuesWord(token: Token): boolean {
  return token.value.startsWith('-') || token.value.startsWith("'");
}

/**
 * Where the main verb starts after "Did/Does/Has/Can": the first VERB; failing that (the tagger
 * often calls a bare verb a NOUN: "Did the president sign the bill", "Will Obama visit Cuba"),
 * a lower-case noun that ends the subject: one right after a proper name, or one followed by a
 * determiner, pronoun, preposition, number or an infinitive.
 */
function mainVerbIndex(tokens: Token[]): number {
  for (let index = 1; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.pos === 'VERB') return index;
    // "Has Foley been beheaded": the verb group starts at "been" (the tagger reads the participle as ADJ).
    if (index > 1 && token.pos === 'AUX' && /^(been|got|gotten)$/i.test(token.value)) return index;
    // "Did ISIS really behead …": an adverb before the verb stays with it ("ISIS really beheaded …").
    if (index > 1 && token.pos === 'ADV' && tokens[index + 1]?.pos === 'VERB') continue;
    // Prepositions may sit inside the subject: "Did a man in Florida win ...".
    if (!NOUN_PHRASE.has(token.pos) && token.pos !== 'ADP' && !continuesWord(token)) return -1;
    if (index < 2 || token.pos !== 'NOUN' || token.value !== token.value.toLowerCase()) continue;
    const previous = tokens[index - 1]!;
    const next = tokens[index + 1];
    const nextStartsObject = !next || ['DET', 'PRON', 'ADP', 'NUM', 'PROPN'].includes(next.pos);
    if (previous.pos === 'PROPN' && nextStartsObject) return index;
    // A bare verb the tagger reads as a noun before an infinitive ends the subject: "Did the
    // council vote to rebuild …" is "voted to rebuild", not "vote to rebuilded".
    if (
      ['NOUN', 'PROPN'].includes(previous.pos) &&
      next?.value.toLowerCase() === 'to' &&
      tokens[index + 2]?.pos === 'VERB'
    )
      return index;
    if (
      ['NOUN', 'PROPN'].includes(previous.pos) &&
      next &&
      ['DET', 'PRON', 'ADP', 'NUM'].includes(next.pos)
    ) {
      return index;
    }
  }
  return -1;
}

/** End of the subject after "Is/Are/Was/Were": a noun phrase, stopping before an "-ing" predicate. */
function subjectEnd(tokens: Token[]): number {
  let index = 1;
  while (index < tokens.length && (NOUN_PHRASE.has(tokens[index]!.pos) || continuesWord(tokens[index]!))) {
    const token = tokens[index]!;
    if (index > 1 && token.value.endsWith('ing')) break;
    if (index > 1 && token.pos === 'ADJ' && !NOUN_PHRASE.has(tokens[index + 1]?.pos ?? '')) break;
    index++;
  }
  return index;
}

/**
 * End of a proper name that opens the subject ("Sotloff", "Kim Jong-un"); else, typed in lower
 * case, the words before a number that ends the question ("was steven sotloff 31"); 1 when neither.
 */
function nameEnd(tokens: Token[]): number {
  if (tokens[1]?.pos !== 'PROPN') {
    let start = tokens.length;
    while (start > 2 && tokens[start - 1]!.pos === 'NUM') start--;
    return start < tokens.length ? start : 1;
  }
  let index = 1;
  while (
    index < tokens.length &&
    (tokens[index]!.pos === 'PROPN' || (index > 1 && continuesWord(tokens[index]!)))
  )
    index++;
  return index;
}

function join(tokens: Token[]): string {
  return tokens
    .map((token) => token.value)
    .join(' ')
    .replace(/\s+([,.;:!?%)\]'’])/g, '$1')
    .replace(/([([$])\s+/g, '$1')
    .replace(/\s*-\s*/g, '-');
}

function sentenceCase(text: string): string {
  const trimmed = text.trim().replace(/[?.!]+$/, '');
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}.`;
}

/**
 * Words that open a question however it ends. Modals ("Will", "May", "Can") are left out: they
 * also open names ("Will Smith slapped Chris Rock."), so without a question mark they state.
 */
const OPENS_QUESTION =
  /^(did|does|do|is|are|was|were|has|have|had|who|whom|whose|what|which|when|where|why|how)\b/i;

/** A tag that asks for agreement with a statement ("…, right?", "…, isn't it?"): the statement is the claim. */
const TAG_QUESTION =
  /,\s*(?:right|correct|true|no|yes|or not|is(?:n't| not) (?:it|that so)|(?:was|is|are|were|do|does|did|has|have|had)n't (?:it|he|she|they|there|that))\s*\?+$/i;

/**
 * A question as people type it: spaces collapsed, a trailing comma or colon dropped, and a question
 * that ends in "." or nothing ("Did Rubio turn over informants.") read as the question it is.
 */
function asTyped(question: string): string {
  const text = question
    .trim()
    .replace(/\s+/g, ' ')
    .replace(TAG_QUESTION, '')
    .replace(/[\s,;:]+$/, '');
  if (text.endsWith('?') || !OPENS_QUESTION.test(text) || /^(is it true|says)\b/i.test(text)) return text;
  return `${text.replace(/[.!]+$/, '')}?`;
}

/**
 * Turns a yes/no question into the declarative claim it tests ("Did Rubio turn over X?" →
 * "Rubio turned over X."). Statements pass through; "Is it true that S?" becomes S; questions that
 * cannot be inverted (who/what/why) are kept as asked, without the question mark.
 */
export function questionToClaim(question: string): string {
  const text = asTyped(question);
  const isTrueThat = /^(is it true|is it the case|was it true)( that)?\s+/i.exec(text);
  if (isTrueThat) return sentenceCase(text.slice(isTrueThat[0].length));
  // Fact-checkers' "Says X" (someone says X, speaker elided): the claim to check is X.
  const says = /^(says|claims|said|claimed) (that )?(?=\S)/i.exec(text);
  if (says && !text.endsWith('?')) return sentenceCase(text.slice(says[0].length));
  if (!text.endsWith('?')) return sentenceCase(text);
  const tokens = tokensOf(text.replace(/\?+$/, ''));
  const aux = tokens[0]?.value.toLowerCase() ?? '';
  if (['did', 'does', 'do'].includes(aux)) {
    const verbAt = mainVerbIndex(tokens);
    if (verbAt > 1) {
      const verb = tokens[verbAt]!;
      const base = verb.lemma || verb.value;
      const inflected = aux === 'did' ? pastTense(base) : aux === 'does' ? thirdPerson(base) : base;
      const subject = join(tokens.slice(1, verbAt));
      return sentenceCase(`${subject} ${inflected} ${join(tokens.slice(verbAt + 1))}`);
    }
  }
  if (['has', 'have', 'had'].includes(aux) || MODALS.has(aux)) {
    const verbAt = mainVerbIndex(tokens);
    if (verbAt > 1)
      return sentenceCase(`${join(tokens.slice(1, verbAt))} ${aux} ${join(tokens.slice(verbAt))}`);
  }
  if (['is', 'are', 'was', 'were'].includes(aux)) {
    let end = subjectEnd(tokens);
    // "Was Sotloff 41?", "Is Trump president?": the noun phrase runs to the end, so the subject
    // is the name that opens it and the rest is what is said of it.
    if (end >= tokens.length) end = nameEnd(tokens);
    if (end > 1 && end < tokens.length) {
      return sentenceCase(`${join(tokens.slice(1, end))} ${aux} ${join(tokens.slice(end))}`);
    }
  }
  return sentenceCase(text);
}
