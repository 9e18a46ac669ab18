import type { Evidence, Verdict, VerdictLabel } from '../types.js';
import { getLearnedModels, type LearnedModels } from './learned-models.js';
import { predictProba } from './logistic-regression.js';
import { citedOrigin, type Provenance } from './trace-provenance.js';
import { readsWholeClaim, verdictFeatures } from './verdict-features.js';
import type { ArticleReading, ArticleStanceLabel } from './article-stance.js';
import type { ShortOf } from '../retrieve/select-evidence.js';
import { listWords } from '../compose/list-words.js';

export const VERDICT_TITLES: Record<VerdictLabel, string> = {
  supported: 'Supported by the reporting',
  reported: 'Reported, not confirmed',
  disputed: 'Disputed',
  contradicted: 'Contradicted by the reporting',
  unsettled: 'Not settled by the sources',
  'not-found': 'Not found in the corpus',
};

/**
 * How much more likely one side must be than the other for a sentence to be said to lean that way.
 * The stance model is weak (README, Quality): a 41%/36% reading is no reading, and a report that
 * calls such a sentence "against the claim" misleads.
 */
export const CLEAR_LEAN = 0.1;

/**
 * Evidence counts against the claim when its stance model clearly says "refutes" rather than
 * "supports", and it holds something that can show the opposite (a denial, an antonym, a different
 * number or date, a refuting word): never for merely sharing few of the claim's words.
 */
export function opposes(item: Pick<Evidence, 'stance' | 'contradicts'>): boolean {
  return item.contradicts.length > 0 && leansAgainst(item);
}

/** The stance model clearly reads "refutes", whether or not the sentence shows a contradiction. */
function leansAgainst(item: Pick<Evidence, 'stance'>): boolean {
  return (
    item.stance.refutes - item.stance.supports >= CLEAR_LEAN && item.stance.refutes > item.stance.neutral
  );
}

/** Evidence counts for the claim when its stance model clearly says "supports" rather than "refutes". */
export function favours(item: Evidence): boolean {
  return item.stance.supports - item.stance.refutes >= CLEAR_LEAN;
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** Why the closest sentence is not evidence, in words: its relevance, how little of the claim it holds, or the names it lacks. */
function notFoundReason(shortOf: ShortOf | undefined, closest: number): string {
  if (shortOf?.gate === 'coverage')
    return `No sentence in the corpus holds enough of the claim: the closest scores ${percent(shortOf.relevance)} but holds ${percent(shortOf.coverage)} of the claim's weight (${percent(shortOf.minCoverage)} needed).`;
  if (shortOf?.gate === 'names' && shortOf.names.length > 0) {
    const names = listWords(shortOf.names, 'or');
    const none =
      shortOf.names.length === 1
        ? 'does not'
        : shortOf.names.length === 2
          ? 'names neither'
          : 'names none of them';
    return `No sentence in the corpus that bears on the claim names ${names}: the closest scores ${percent(shortOf.relevance)} but ${none}.`;
  }
  return `No sentence in the corpus is likely enough to bear on the claim; the closest scores ${percent(closest)}.`;
}

/**
 * How far the cited evidence leans against the claim, weighed by relevance: refutes minus supports
 * per sentence, except that a sentence denying what a plain (not negated) claim says ("no evidence
 * that …", "debunked", "denied") counts fully against it, whatever its stance model reads. With
 * `gated`, a sentence's "refutes" counts only where it shows a contradiction (`contradicts`): an
 * ablation measured left out (README, Quality) and not the default. Positive: against on balance.
 */
export function balanceAgainst(
  evidence: Array<Pick<Evidence, 'relevance' | 'stance' | 'modality' | 'restatesClaim' | 'contradicts'>>,
  claimNegated: boolean,
  gated = false,
): number {
  return evidence.reduce(
    (sum, item) =>
      sum +
      item.relevance *
        (item.modality === 'denied' && !claimNegated && !item.restatesClaim
          ? 1
          : (!gated || item.contradicts.length > 0 ? item.stance.refutes : 0) - item.stance.supports),
    0,
  );
}

export interface VerdictInput {
  evidence: Evidence[];
  /** The whole scored pool, most relevant first. */
  ranked: Evidence[];
  provenance: Provenance;
  claimNegated: boolean;
  minRelevance: number;
  /** The fitted models. Default: the shipped ones (models/*.json). */
  models?: LearnedModels;
  /** With no evidence: why the best-ranked sentence is not evidence (select-evidence.ts). */
  shortOf?: ShortOf;
  /** How each evidence article as a whole holds the claim (article-stance.ts), by article id. */
  articleStances?: ReadonlyMap<string, ArticleReading>;
}

/**
 * "Read as a whole, of the 5 articles with evidence 3 state the claim as fact, 1 disputes it and 1
 * only relays or discusses it": what the article-stance reader says of the evidence articles (it
 * does not set the verdict; docs/method.md, "Article stance").
 */
export function articleStanceReason(
  evidence: Evidence[],
  stances: ReadonlyMap<string, ArticleReading> | undefined,
): string | null {
  if (!stances) return null;
  const ids = [...new Set(evidence.map((item) => item.article.id))].filter((id) => stances.has(id));
  if (ids.length === 0) return null;
  const count = (label: ArticleStanceLabel | null) =>
    ids.filter((id) => stances.get(id)!.shown === label).length;
  const [states, disputes, discusses, unclear] = [
    count('states'),
    count('disputes'),
    count('discusses'),
    count(null),
  ];
  const parts = [
    states > 0 ? `${states} ${states === 1 ? 'states' : 'state'} the claim as fact` : '',
    disputes > 0 ? `${disputes} ${disputes === 1 ? 'disputes' : 'dispute'} it` : '',
    discusses > 0
      ? `${discusses} only ${discusses === 1 ? 'relays or discusses' : 'relay or discuss'} it`
      : '',
    unclear > 0 ? `${unclear} ${unclear === 1 ? 'takes' : 'take'} no clear stance` : '',
  ].filter(Boolean);
  const listed = listWords(parts);
  if (unclear === ids.length && ids.length > 1)
    return `Read as a whole, none of the ${ids.length} articles with evidence takes a clear stance.`;
  return ids.length === 1
    ? `Read as a whole, the one article with evidence ${listed.replace(/^1 /, '')}.`
    : `Read as a whole, of the ${ids.length} articles with evidence ${listed}.`;
}

/**
 * The documented verdict rule (docs/method.md):
 * 1. no sentence relevant enough → not-found (never "false");
 * 2. otherwise the fitted verdict model weighs the stance and relevance of the best five sentences
 *    into supported / refuted / conflicting / not enough info;
 * 3. "supported" becomes "reported" when the supporting evidence is mostly
 *    attributed, promised or hedged rather than stated; refuted → contradicted; conflicting →
 *    disputed; not enough info → reported when at least half the evidence sentences relay another
 *    outlet's reporting or a promise and none opposes it, else unsettled.
 * A "refuted" counts only when the cited evidence leans against the claim on balance; otherwise the
 * model's next most likely class is read instead.
 * Confidence is the model's probability for its class (its calibration is reported by `npm run eval`).
 */
export function decideVerdict(input: VerdictInput): Verdict {
  const { evidence, ranked, provenance } = input;
  if (evidence.length === 0) {
    const closest = ranked[0]?.relevance ?? 0;
    return {
      label: 'not-found',
      title: VERDICT_TITLES['not-found'],
      confidence: Math.round((1 - closest) * 100) / 100,
      reasons: [
        ranked.length > 0
          ? notFoundReason(input.shortOf, closest)
          : 'No passage in the corpus shares a key term with the claim.',
        'Absence from the corpus is not evidence that the claim is false.',
      ],
    };
  }
  const model = (input.models ?? getLearnedModels()).verdict;
  const probabilities = predictProba(
    model,
    verdictFeatures(
      ranked,
      input.claimNegated,
      input.minRelevance,
      readsWholeClaim(model),
      model.verdictOrder,
    ),
  );
  const best = probabilities.indexOf(Math.max(...probabilities));
  const predicted = model.classes[best]!;
  const supporting = evidence.filter(favours);
  const against = evidence.filter(opposes);
  // Sentences the stance model reads as against the claim that show nothing contradicting it.
  const unshown = evidence.filter((item) => leansAgainst(item) && item.contradicts.length === 0).length;
  const asserted = supporting.filter((item) => item.modality === 'asserted');
  // Sentences that relay another outlet's reporting ("the Washington Post reported") or a promise.
  const relayed = evidence.filter(
    (item) => item.modality === 'promised' || citedOrigin(item.sentence.text) !== null,
  ).length;
  const reasons = [
    `${evidence.length} evidence sentence${evidence.length === 1 ? ' in' : 's in'} ${provenance.articleCount} article${provenance.articleCount === 1 ? '' : 's'} ${evidence.length === 1 ? 'bears' : 'bear'} on the claim (best relevance ${percent(evidence[0]!.relevance)}).`,
    `The evidence traces to ${provenance.origins.length} independent origin${provenance.origins.length === 1 ? '' : 's'}: ${provenance.origins.join(', ')}.`,
    supporting.length + against.length === 0
      ? unshown === 0
        ? 'None of them leans clearly toward or against the claim: the stance readings are too close to call.'
        : 'None of them leans clearly toward the claim, and none shows anything that contradicts it.'
      : `${supporting.length} sentence${supporting.length === 1 ? ' leans' : 's lean'} toward the claim and ${against.length} against it.`,
  ];
  const wholeArticles = articleStanceReason(evidence, input.articleStances);
  if (wholeArticles) reasons.push(wholeArticles);
  if (unshown > 0)
    reasons.push(
      `${unshown} ${unshown === 1 ? 'sentence reads' : 'sentences read'} as against the claim to the stance model but ${unshown === 1 ? 'holds' : 'hold'} no denial of it, opposite word or different number or date, so ${unshown === 1 ? 'it counts' : 'they count'} for neither side.`,
    );
  const restating = evidence.filter((item) => item.restatesClaim).length;
  if (restating > 0)
    reasons.push(
      `${restating} only quote${restating === 1 ? 's' : ''} the claim, which shows that somebody made it, not that it is true; ${restating === 1 ? 'it takes' : 'they take'} no side.`,
    );
  let label: VerdictLabel;
  // A verdict must rest on what the report cites: "contradicted" needs the cited evidence, weighed
  // by relevance, to lean against the claim on balance, and "disputed" needs cited evidence on both
  // sides. A reading the evidence does not bear out is set aside, and the model's next one stands.
  const balance = balanceAgainst(evidence, input.claimNegated);
  // With `contradictedNeedsOpposing`, the balance alone is not enough: some cited sentence must
  // oppose the claim, as the reasons count them ("1 sentence leans toward the claim and 0 against it").
  // With `contradictedNotOutvoted`, it is not said when more cited sentences lean toward the claim than against it.
  const bornOut = (cls: string) =>
    cls === 'refuted'
      ? balance > 0 &&
        (!model.contradictedNeedsOpposing || against.length > 0) &&
        (!model.contradictedNotOutvoted || supporting.length <= against.length)
      : cls === 'conflicting'
        ? supporting.length > 0 && against.length > 0
        : true;
  const byProbability = probabilities
    .map((probability, index) => ({ probability, index }))
    .sort((a, b) => b.probability - a.probability || a.index - b.index);
  const settledAt = byProbability.find(({ index }) => bornOut(model.classes[index]!))!.index;
  const settled = model.classes[settledAt]!;
  const setAside = byProbability
    .filter(({ probability, index }) => index !== settledAt && probability > probabilities[settledAt]!)
    .reduce((sum, { probability }) => sum + probability, 0);
  if (predicted === 'refuted' && settled !== predicted)
    reasons.push(
      balance <= 0
        ? 'The model leans against the claim, but the cited evidence does not on balance; its next reading stands.'
        : model.contradictedNotOutvoted && supporting.length > against.length
          ? `The model leans against the claim, but more cited sentences lean toward it (${supporting.length}) than against it (${against.length}); its next reading stands.`
          : 'The model leans against the claim, but no cited sentence shows anything that contradicts it; its next reading stands.',
    );
  if (
    settled !== predicted &&
    byProbability.some(
      ({ index }) =>
        model.classes[index] === 'conflicting' && probabilities[index]! > probabilities[settledAt]!,
    )
  )
    reasons.push(
      'The model reads the sources as in conflict, but the cited evidence does not lean both ways; its next reading stands.',
    );
  if (settled === 'refuted') {
    label = 'contradicted';
    // Said as it is: with no cited sentence that opposes the claim, the verdict rests on the stance
    // model's balance of readings alone, the weakest ground a "contradicted" can have.
    reasons.push(
      against.length > 0
        ? 'The strongest evidence says the opposite of the claim.'
        : 'The stance model reads the evidence as against the claim on balance, though no cited sentence shows a denial of it, an opposite word or a different number or date: treat this verdict with caution.',
    );
  } else if (settled === 'conflicting') {
    label = 'disputed';
    // A single account can carry a dispute too: the claim and a rebuttal of it by someone it quotes.
    reasons.push(
      provenance.origins.length >= 2
        ? 'The sources pull in both directions.'
        : 'The one account that bears on the claim carries both the claim and a rebuttal of it.',
    );
  } else if (settled === 'not enough info' && against.length === 0 && relayed * 2 >= evidence.length) {
    // Reporting that only relays another outlet's account or a promise is "reported, not confirmed".
    label = 'reported';
    reasons.push(
      `${relayed} of ${evidence.length} evidence sentences relay another outlet's reporting or a promise, and none disputes it; nothing confirms it either.`,
    );
  } else if (settled === 'not enough info') {
    label = 'unsettled';
    reasons.push('The evidence touches the claim without settling it either way.');
  } else if (asserted.length * 2 <= supporting.length) {
    // Support that only relays, promises or hedges is a report of the claim, not a confirmation.
    label = 'reported';
    reasons.push(
      supporting.length === 1
        ? 'The one supporting sentence attributes, promises or hedges it rather than stating it.'
        : `${supporting.length - asserted.length} of ${supporting.length} supporting sentences attribute, promise or hedge rather than state it.`,
    );
  } else if (probabilities[settledAt]! < (model.floors?.supported ?? 0)) {
    // Too weak a lean to call it supported: on the training claims, readings this weak called too
    // many false claims true (docs/method.md, "the confidence floor").
    label = 'unsettled';
    reasons.push(
      `The evidence leans toward the claim, but not clearly enough to call it supported (${percent(probabilities[settledAt]!)}, below the ${percent(model.floors!.supported!)} a supported verdict needs).`,
    );
  } else {
    label = 'supported';
    reasons.push(
      provenance.origins.length < 2
        ? 'Most of the supporting evidence states it as fact; it all comes from one origin, so copies of it elsewhere add nothing.'
        : 'Most of the supporting evidence states it as fact, from more than one independent origin.',
    );
  }
  return {
    label,
    title: VERDICT_TITLES[label],
    // When the rule sets the model's readings aside, the confidence is the settled class's share of
    // what is left (its probability given that the set-aside classes are out).
    confidence: Math.round((probabilities[settledAt]! / (1 - setAside)) * 100) / 100,
    reasons,
  };
}
