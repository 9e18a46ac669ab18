import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

// wink-nlp is loaded lazily (about 100 ms) and once per pipe configuration.
// Sentence splitting runs with the `sbd` pipe only: it is about twice as fast as the full pipe.
let sentenceNlp: ReturnType<typeof winkNLP> | undefined;
let fullNlp: ReturnType<typeof winkNLP> | undefined;

export function getSentenceNlp(): ReturnType<typeof winkNLP> {
  sentenceNlp ??= winkNLP(model, ['sbd']);
  return sentenceNlp;
}

/** Sentences, part of speech, entities and negation: for claims, which are short. */
export function getFullNlp(): ReturnType<typeof winkNLP> {
  fullNlp ??= winkNLP(model, ['sbd', 'pos', 'ner', 'negation']);
  return fullNlp;
}
