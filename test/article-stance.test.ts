import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTICLE_STANCE_FEATURES,
  articleStanceFeatures,
  clearStance,
  readArticle,
  type ArticleSentence,
} from '../src/assess/article-stance.js';
import { articleStanceReason } from '../src/assess/decide-verdict.js';
import { getLearnedModels } from '../src/assess/learned-models.js';
import { PAIR_FEATURES } from '../src/assess/pair-features.js';
import { checkClaim } from '../src/check-claim.js';
import { renderReport } from '../src/render/render-report.js';
import type { Store } from '../src/store/store.js';
import type { Evidence } from '../src/types.js';
import { AS_ARTICLE_STANCE, crossValidatedStances, foldOf } from '../scripts/lib/fit-article-stance.js';
import type { ArticlePair } from '../scripts/lib/news-stance.js';
import { expectCitationIntegrity } from './helpers/citation-integrity.js';
import { expectValidReport } from './helpers/report-schema.js';
import { storeOf } from './helpers/story-store.js';

const CLAIM = 'A shark swam through the flooded streets of Harbourton after the storm.';
// Invented outlets and text: one states the claim, one calls it a hoax, one only relays it.
const ARTICLES = [
  {
    outlet: 'Harbourton Gazette',
    url: 'https://gazette.example/shark',
    title: 'Shark in the streets',
    published: '2026-05-02',
    text: [
      'A shark swam through the flooded streets of Harbourton after the storm on Monday.',
      'Residents filmed the shark swimming past the post office as the water rose.',
      'The harbour master said the shark returned to sea when the flood receded.',
    ].join('\n\n'),
  },
  {
    outlet: 'Fact Desk',
    url: 'https://factdesk.example/shark-hoax',
    title: 'Storm shark photo is a hoax',
    published: '2026-05-03',
    text: [
      'The photo of a shark swimming through the flooded streets of Harbourton is a hoax.',
      'The image is fake: it was doctored from a picture taken years ago in another country.',
      'No shark swam through the streets after the storm, officials said, calling the claim false.',
    ].join('\n\n'),
  },
  {
    outlet: 'Viral Roundup',
    url: 'https://viral.example/shark',
    title: 'Shark reportedly seen in Harbourton streets',
    published: '2026-05-02',
    text: [
      'A shark reportedly swam through the flooded streets of Harbourton after the storm, according to posts shared online.',
      'The claim, which has not been confirmed, spread quickly on social media.',
      'Some users claimed the shark had been seen near the post office.',
    ].join('\n\n'),
  },
];

const sentence = (text: string, set: Record<string, number>, score = 1): ArticleSentence => ({
  text,
  features: PAIR_FEATURES.map((name) => set[name] ?? 0),
  score,
  restates: false,
});

describe('article stance', () => {
  it('reads the whole article into one row of named features: its core and the rest apart, as shares', () => {
    const article = [
      sentence('The story is a hoax, officials said.', { weightedCoverage: 0.8, refutingCue: 1 }, 5),
      sentence('It reportedly spread online.', { weightedCoverage: 0.4 }, 4),
      sentence('The town flooded on Monday.', { weightedCoverage: 0.3 }, 3),
      sentence('Reporters asked whether the photo was fake.', { weightedCoverage: 0.2, refutingCue: 1 }, 2),
      sentence('The storm passed.', { weightedCoverage: 0.1 }, 1),
    ];
    const row = articleStanceFeatures(CLAIM, article);
    expect(row).toHaveLength(ARTICLE_STANCE_FEATURES.length);
    const at = (values: number[], name: (typeof ARTICLE_STANCE_FEATURES)[number]) =>
      values[ARTICLE_STANCE_FEATURES.indexOf(name)]!;
    expect(at(row, 'bestCoverage')).toBe(0.8);
    expect(at(row, 'coreCoverage')).toBeCloseTo(0.5);
    // The best three by rank score are the core; the other two the rest.
    expect(at(row, 'refutingCueCore')).toBeCloseTo(1 / 3);
    expect(at(row, 'refutingCueRest')).toBe(0.5);
    expect(at(row, 'relayingCore')).toBeCloseTo(1 / 3);
    expect(at(row, 'coverageTimesDisputing')).toBe(0.8);
    expect(at(row, 'sentencesOnClaim')).toBeCloseTo(Math.log(6));
    expect(at(row, 'claimDisputes')).toBe(0);
    // Against a claim that itself calls the photo fake, the same words echo it rather than dispute it.
    const echoed = articleStanceFeatures('The shark photo from Harbourton is fake.', article);
    expect(at(echoed, 'claimDisputes')).toBe(1);
    expect(at(echoed, 'refutingCueCore')).toBe(0);
    expect(at(echoed, 'coverageTimesDisputing')).toBe(0);
    expect(at(echoed, 'echoedDisputeCore')).toBeCloseTo(1 / 3);
    // An article with no sentence on the claim is all zeros.
    expect(articleStanceFeatures(CLAIM, []).every((value) => value === 0)).toBe(true);
  });

  it('states a stance only where the likeliest leads the next by the clear margin…', () => {
    expect(clearStance({ states: 0.43, disputes: 0.42, discusses: 0.15 })).toBeNull();
    expect(clearStance({ states: 0.2, disputes: 0.1, discusses: 0.7 })).toBe('discusses');
    // …and reaches the floor the model holds for showing that stance.
    expect(clearStance({ states: 0.2, disputes: 0.1, discusses: 0.7 }, { discusses: 0.75 })).toBeNull();
    expect(clearStance({ states: 0.1, disputes: 0.8, discusses: 0.1 }, { disputes: 1 })).toBeNull();
  });

  it('cross-validates with every pair of one body in one fold, and reads every pair', () => {
    const bodies = Array.from({ length: 100 }, (_, index) => `body-${index}`);
    const folds = bodies.map((body) => foldOf(body, 5));
    expect(bodies.map((body) => foldOf(body, 5))).toEqual(folds);
    expect(new Set(folds)).toEqual(new Set([0, 1, 2, 3, 4]));
    const pairs: ArticlePair[] = bodies.flatMap((body, index) =>
      (['agree', 'disagree', 'discuss'] as const).map((stance) => ({
        headline: `Claim ${index}`,
        stance,
        body,
        sentences: [
          sentence(
            stance === 'disagree'
              ? 'It is a hoax.'
              : stance === 'discuss'
                ? 'It reportedly happened.'
                : 'It happened.',
            { weightedCoverage: 0.5 },
          ),
        ],
      })),
    );
    const read = crossValidatedStances(pairs);
    expect(read).toHaveLength(pairs.length);
    // The cue words decide these pairs, and a model fitted on the other folds has learnt them.
    expect(read.filter((label, index) => label === AS_ARTICLE_STANCE[pairs[index]!.stance]).length).toBe(
      pairs.length,
    );
  });

  describe('in a report', () => {
    let store: Store;
    beforeAll(async () => {
      store = await storeOf('verity-article-stance-', ARTICLES);
    });
    afterAll(async () => {
      await store.close();
    });

    it('gives each source of a claim how the article as a whole holds it, and counts them in the verdict', async () => {
      const report = await checkClaim(CLAIM, { store, asOf: '2026-06-01' });
      expectValidReport(report);
      await expectCitationIntegrity(report, store);
      const byOutlet = new Map(report.sources.map((source) => [source.outlet, source.stance]));
      expect(byOutlet.get('Harbourton Gazette')?.label).toBe('states');
      expect(byOutlet.get('Viral Roundup')?.label).toBe('discusses');
      // "Disputes" is never shown by the shipped reader: on FNC-1's training stances its readings
      // were right at most a quarter of the time, at any confidence (models/article-stance.json floors).
      expect(getLearnedModels().articleStance!.floors!.disputes).toBe(1);
      expect(byOutlet.get('Fact Desk')).toBeUndefined();
      // The hoax article is still read as far more likely to dispute the claim than to state it.
      expect(report.verdict.reasons).toContain(
        'Read as a whole, of the 3 articles with evidence 1 states the claim as fact, 1 only relays or discusses it and 1 takes no clear stance.',
      );
      expect(renderReport(report, 'markdown')).toContain('as a whole, states the claim as fact (');
      expect(renderReport(report, 'html')).toContain(
        '<span class="stance">as a whole, relays or discusses the claim (',
      );
    });

    it('leaves the sources of an open question without a stance', async () => {
      const report = await checkClaim('Where did the shark swim after the storm?', {
        store,
        asOf: '2026-06-01',
      });
      expect(report.kind).toBe('question');
      expect(report.sources.every((source) => source.stance === undefined)).toBe(true);
    });
  });

  it('words the verdict reason for one article and for many', () => {
    const model = getLearnedModels().articleStance!;
    const evidence = (id: string) => ({ article: { id } }) as Evidence;
    const hoax = readArticle(model, CLAIM, [
      sentence('The shark photo is a hoax and fake.', { weightedCoverage: 0.9, refutingCue: 1 }, 3),
    ]);
    const one = articleStanceReason([evidence('a')], new Map([['a', hoax]]));
    expect(one).toMatch(
      /^Read as a whole, the one article with evidence (disputes it|takes no clear stance)\.$/,
    );
    expect(articleStanceReason([evidence('a')], new Map())).toBeNull();
    const many = articleStanceReason(
      [evidence('a'), evidence('b'), evidence('c')],
      new Map(
        (
          [
            ['a', 'states'],
            ['b', 'states'],
            ['c', 'discusses'],
          ] as const
        ).map(([id, shown]) => [id, { probabilities: { states: 0, disputes: 0, discusses: 0 }, shown }]),
      ),
    );
    expect(many).toBe(
      'Read as a whole, of the 3 articles with evidence 2 state the claim as fact and 1 only relays or discusses it.',
    );
    const unclear = { probabilities: { states: 0.4, disputes: 0.3, discusses: 0.3 }, shown: null };
    expect(
      articleStanceReason(
        [evidence('a'), evidence('b')],
        new Map([
          ['a', unclear],
          ['b', unclear],
        ]),
      ),
    ).toBe('Read as a whole, none of the 2 articles with evidence takes a clear stance.');
  });
});
