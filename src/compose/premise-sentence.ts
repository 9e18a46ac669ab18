import type { PremiseFinding } from '../assess/check-premises.js';
import type { CitedSentence } from '../types.js';
import type { Citer } from './citer.js';
import { listWords } from './list-words.js';

const outlets = (count: number) => `${count} outlet${count === 1 ? '' : 's'}`;

/**
 * "None of the articles gives Friday (as the question has it); the reporting gives Tuesday, in 3
 * outlets." Each value cites the sentences that give it.
 */
export function premiseSentence(
  citer: Citer,
  finding: PremiseFinding,
  asked: 'claim' | 'question',
): CitedSentence {
  const given = finding.reported.map((entry) => `${entry.value} (${outlets(entry.outlets)})`);
  const list = listWords(given);
  const what =
    finding.premise.kind === 'number' ? 'the number' : finding.premise.kind === 'year' ? 'the year' : '';
  return citer.sentence(
    `None of the articles gives ${what ? `${what} ` : ''}${finding.premise.value} (as the ${asked} has it); on the same subject the reporting gives ${list}.`,
    finding.reported.flatMap((entry) => entry.items.slice(0, 2)),
  );
}
