import { analyzeClaim } from '../../src/assess/analyze-claim.js';
import { retrievePassages } from '../../src/retrieve/retrieve-passages.js';
import { DEFAULT_EVIDENCE_OPTIONS, selectEvidence } from '../../src/retrieve/select-evidence.js';
import type { Store } from '../../src/store/store.js';
import type { Evidence } from '../../src/types.js';

/** The claim a question becomes and the evidence a check selects for it, every relevance admitted (the gate alone decides). */
export async function evidenceFor(store: Store, question: string) {
  const claim = analyzeClaim(question);
  const { evidence } = await selectEvidence(store, claim, await retrievePassages(store, claim), {
    ...DEFAULT_EVIDENCE_OPTIONS,
    minRelevance: 0,
  });
  return { claim, evidence };
}

/** An evidence sentence of one article of `outlet`, with only what statement and outlet readers use. */
export function sentenceOf(id: string, outlet: string, text: string): Evidence {
  return {
    article: {
      id,
      outlet,
      url: `https://${outlet}.example/${id}`,
      title: null,
      published: null,
      authors: [],
    },
    passage: { id: `${id}:0`, text },
    sentence: { text, ordinal: 0 },
  } as unknown as Evidence;
}
