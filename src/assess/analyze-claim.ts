import { isCommonWord } from '../analyze/lexicon.js';
import { getFullNlp } from '../analyze/nlp.js';
import { contentTerms } from '../analyze/tokenize.js';
import type { Claim } from '../types.js';
import { questionToClaim } from './question-to-claim.js';
import { splitSubClaims } from './split-sub-claims.js';

/**
 * Names in the claim: runs of capitalised words or words with digits ("Marco Rubio", "MS-13",
 * "El Salvadoran"), plus what wink-nlp's entity recogniser finds (dates, money, numbers).
 */
/** "Gov.", "Dr.", "U.S.": a period that does not end a sentence. */
const ABBREVIATION = /^(?:\p{Lu}\p{Ll}{0,3}\.|(?:\p{Lu}\.)+)$/u;

const QUESTION_WORD = /^(?:Who|Whom|Whose|What|Which|When|Where|Why|How)$/;

function findEntities(claim: string): string[] {
  const found: string[] = [];
  const words = claim.replace(/[.?!]$/, '').split(/\s+/);
  const nlp = getFullNlp();
  const bareOf = (word: string) => word.replace(/^[("“‘]+|[)"”’,;:.!?]+$/g, '');
  // A capital that only opens a sentence or a quotation names nothing ("National polls have …",
  // “So if we lie …”) unless the tagger-free test says so: a longer word that is not a common
  // English word, or one that another capitalised word follows.
  const opensName = (index: number) => {
    const bare = bareOf(words[index] ?? '').replace(/[^\p{L}'-]+$/u, '');
    return bare.length > 3 && (!isCommonWord(bare) || /^\p{Lu}/u.test(bareOf(words[index + 1] ?? '')));
  };
  const opensSentence = (index: number) =>
    index === 0 ||
    /^[“"‘]/.test(words[index]!) ||
    (/[.!?]["”’]?$/.test(words[index - 1]!) && !ABBREVIATION.test(words[index - 1]!));
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0)
      found.push(
        run
          .join(' ')
          .replace(/[,;:'’]+$/, '')
          .replace(/['’]s$/, '')
          // A title before a name is not part of it ("Gov. Michelle Lujan Grisham").
          .replace(/^(?:Gov|Sen|Rep|Dr|Mr|Mrs|Ms|Gen|Lt|Col|Sgt|Capt|Prof)\.?\s+/, ''),
      );
    run = [];
  };
  words.forEach((word, index) => {
    const bare = bareOf(word);
    const capitalised = /^\p{Lu}/u.test(bare) || /\d/.test(bare);
    const plainOpener = opensSentence(index) && /^\p{Lu}\p{Ll}+$/u.test(bare) && !opensName(index);
    // A bare number before a plain word is an amount, not part of a name ("Sotloff 41 year old").
    const amount = /^\d[\d.,]*$/.test(bare) && /^\p{Ll}/u.test(bareOf(words[index + 1] ?? ''));
    if (amount) flush();
    if (capitalised && !plainOpener) run.push(bare);
    else flush();
    // A comma, colon or sentence end closes a name ("the New Mexico Senate, Gov. Michelle …").
    if (/[,;:!?]["”’)]*$/.test(word) || (/\.["”’]*$/.test(word) && !ABBREVIATION.test(word))) flush();
  });
  flush();
  for (const entity of nlp.readDoc(claim).entities().out(nlp.its.detail) as Array<{
    value: string;
    type: string;
  }>) {
    if (!found.some((name) => name.includes(entity.value))) found.push(entity.value);
  }
  // A question word names nothing ("What did the council decide …"); "WHO" in capitals stays.
  return [...new Set(found.filter((name) => name.length > 1 && !QUESTION_WORD.test(name)))];
}

/** Question → claim, its content terms and its named entities. */
export function analyzeClaim(question: string): Claim {
  const text = questionToClaim(question);
  return {
    question: question.trim(),
    text,
    terms: [...new Set(contentTerms(text))],
    entities: findEntities(text),
    subClaims: splitSubClaims(text),
  };
}
