/** A negation word or "n't" (the claim and modality cues). */
export const NEGATION = /\b(not|no|never|none|neither|nor|without)\b|n['’]t\b/i;

/** The same, with "cannot", global: for counting a sentence's negations (a feature of the fitted models). */
export const NEGATION_COUNTED = /\b(not|no|never|none|neither|nor|without|cannot)\b|n['’]t\b/gi;
