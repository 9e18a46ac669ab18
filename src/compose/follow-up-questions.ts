import type { Claim } from '../types.js';
import type { QuestionReading } from '../assess/read-question.js';
import type { FoundAnswer } from './answer-question.js';
import { isNameCandidate, withoutArticle } from './names-in-evidence.js';

/** How many follow-up questions a report offers. */
export const FOLLOW_UP_COUNT = 5;

function lowerFirst(text: string): string {
  // Keep the capital of a name or acronym ("Rubio", "ISIS"); lower an ordinary first word ("The").
  return /^(The|A|An|This|That|These|Those|It|There)\b/.test(text)
    ? text.charAt(0).toLowerCase() + text.slice(1)
    : text;
}

/**
 * The claim's entities a question can be about: names, not a number ("43"), a day ("Friday"), a
 * nationality ("Mexican") or an ordinary word the claim's reading kept ("third"); an article that
 * opened the claim is not part of a name ("A Justin Bieber").
 */
function askableEntities(claim: Claim): string[] {
  return [
    ...new Set(
      claim.entities
        .map(withoutArticle)
        .filter((entity) => /^\p{Lu}/u.test(entity) && isNameCandidate(entity)),
    ),
  ];
}

/** "Is there reporting on “x” and “y” in this story?" for the parts no evidence covers. */
function uncoveredQuestion(missingTerms: string[]): string {
  return `Is there reporting on ${missingTerms
    .slice(0, 3)
    .map((term) => `“${term}”`)
    .join(' and ')} in this story?`;
}

/**
 * "Want to dive deeper?": questions that are themselves checks Verity can run, built from the
 * claim's uncovered terms, its entities and the names the evidence brings up.
 */
export function followUpQuestions(
  claim: Claim,
  missingTerms: string[],
  otherNames: string[],
  reading: QuestionReading = { kind: 'claim' },
  answer: FoundAnswer | null = null,
  /** People and bodies the evidence quotes by name (who reacted). */
  speakers: string[] = [],
): string[] {
  const entities = askableEntities(claim);
  const subject = entities[0];
  // What a named speaker said is a question the story can answer ("What did Caitlin Hayden say about Sotloff?").
  const said = subject
    ? speakers
        .filter((speaker) => !speaker.toLowerCase().includes(subject.toLowerCase()))
        .slice(0, 2)
        .map((speaker) => `What did ${speaker} say about ${subject}?`)
    : [];
  if (reading.kind === 'question') return questionFollowUps(entities, missingTerms, otherNames, answer, said);
  const statement = lowerFirst(claim.text.replace(/[.?!]$/, ''));
  const questions = [`Who first reported that ${statement}?`, ...said];
  for (const entity of entities.slice(0, 2)) questions.push(`What does the reporting say about ${entity}?`);
  if (missingTerms.length > 0) questions.push(uncoveredQuestion(missingTerms));
  questions.push(`Has anyone denied that ${statement}?`);
  for (const name of otherNames) questions.push(`What role does ${name} play in this story?`);
  return [...new Set(questions)].slice(0, FOLLOW_UP_COUNT);
}

/**
 * Follow-ups to an open question: never the question itself rephrased as a claim ("Who first
 * reported that Who did …"), but questions about what the answer and the story name.
 */
function questionFollowUps(
  entities: string[],
  missingTerms: string[],
  otherNames: string[],
  answer: FoundAnswer | null,
  said: string[],
): string[] {
  const named = answer && ['person', 'name', 'place'].includes(answer.asks) ? answer.parts : [];
  const questions = [...named.map((part) => `What does the reporting say about ${part.value}?`), ...said];
  if (entities.length > 0)
    questions.push(`Which outlet first reported on ${entities.slice(0, 2).join(' and ')}?`);
  for (const entity of entities.slice(0, 2)) questions.push(`What does the reporting say about ${entity}?`);
  if (missingTerms.length > 0) questions.push(uncoveredQuestion(missingTerms));
  for (const name of otherNames) questions.push(`What role does ${name} play in this story?`);
  return [...new Set(questions)].slice(0, FOLLOW_UP_COUNT);
}
