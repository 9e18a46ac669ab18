import type { LlmRole } from './language-model.js';

/**
 * What the language model did in one check, for the report's `llm` block: sentences it wrote
 * that were dropped and why, calls that failed, the planner's queries, the judge's reading.
 */
export interface LlmNotes {
  /** Generated sentences that failed verification, with the first rule each broke. */
  dropped: Array<{ role: LlmRole; text: string; reason: string }>;
  /** Calls that failed (unreachable, timed out, unusable after repairs): that part stayed extractive. */
  failures: Array<{ role: LlmRole; message: string }>;
  /** Report sentences the writer's verified rewrites replaced. */
  written: number;
  /** The planner's sub-questions, searched beside the question. */
  plannedQueries?: string[];
  /** The judge's verdict, whether the evidence bore it out, and why. */
  judge?: {
    verdict: string;
    accepted: boolean;
    reason: string;
    /** The judge's reading of each evidence sentence it was shown (the stored sentence's text). */
    stances: Array<{ sentence: string; stance: 'supports' | 'refutes' | 'neither' }>;
  };
}

export function emptyNotes(): LlmNotes {
  return { dropped: [], failures: [], written: 0 };
}
