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
function findEntities(claim: string): string[] {
  const found: string[] = [];
  const words = claim.replace(/[.?!]$/, '').split(/\s+/);
  const nlp = getFullNlp();
  // A capital that only starts the sentence names nothing ("National polls have …") unless the
  // tagger reads the word as a proper noun or another capitalised word follows it.
  const first = (words[0] ?? '').replace(/[^\p{L}'-]+$/u, '');
  const firstIsName = first.length > 3 && (!isCommonWord(first) || /^\p{Lu}/u.test(words[1] ?? ''));
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0)
      found.push(
        run
          .join(' ')
          .replace(/[,;:'’]+$/, '')
          .replace(/['’]s$/, ''),
      );
    run = [];
  };
  words.forEach((word, index) => {
    const bare = word.replace(/^[("“]+|[)"”,;:]+$/g, '');
    const capitalised = /^\p{Lu}/u.test(bare) || /\d/.test(bare);
    if (capitalised && !(index === 0 && /^\p{Lu}\p{Ll}+$/u.test(bare) && !firstIsName)) run.push(bare);
    else flush();
  });
  flush();
  for (const entity of nlp.readDoc(claim).entities().out(nlp.its.detail) as Array<{
    value: string;
    type: string;
  }>) {
    if (!found.some((name) => name.includes(entity.value))) found.push(entity.value);
  }
  return [...new Set(found.filter((name) => name.length > 1))];
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
