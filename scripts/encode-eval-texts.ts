/**
 * `npm run encode`: fills the encoder's disk cache (.verity/embeddings) with every text the eval
 * and training scripts ask it for — each set's corpus lines and claims, train and test, and the
 * FNC-1 competition test — so that `--dense` runs read vectors instead of encoding (the Universal
 * Sentence Encoder takes some 25–60 ms a sentence on two cores).
 */
import { analyzeClaim } from '../src/assess/analyze-claim.js';
import { sharedDir } from '../src/config.js';
import { cachedEvalEncoder } from './lib/embedding-file-cache.js';
import { INFERENCE_SETS, SHARED_SETS, STANCE_SETS, bodySentences, readSharedCsv } from './lib/eval-sets.js';

const shared = sharedDir();
const texts = new Set<string>();
for (const build of [...SHARED_SETS, ...STANCE_SETS, ...INFERENCE_SETS]) {
  for (const split of ['train', 'test'] as const) {
    const set = build(shared, split);
    for (const line of set.corpus) texts.add(line.text);
    for (const claim of set.claims) {
      const analysed = analyzeClaim(claim.claim);
      texts.add(analysed.text);
      for (const part of analysed.subClaims) texts.add(analyzeClaim(part).text);
    }
  }
}
const competition = readSharedCsv(shared, 'fnc-1', 'competition_test_stances.csv').filter(
  (row) => row['Stance'] !== 'unrelated',
);
const bodies = new Map(
  readSharedCsv(shared, 'fnc-1', 'competition_test_bodies.csv').map((row) => [
    row['Body ID']!,
    row['articleBody']!,
  ]),
);
for (const row of competition) {
  texts.add(analyzeClaim(row['Headline']!).text);
  for (const sentence of bodySentences(bodies.get(row['Body ID']!)!)) texts.add(sentence);
}
const encoder = cachedEvalEncoder();
console.log(`${texts.size} texts in the eval and training sets`);
await encoder.embed([...texts]);
