import { VERDICT_TITLES } from '../assess/decide-verdict.js';
import type {
  Claim,
  CorpusState,
  Evidence,
  Report,
  ReportSection,
  ReportSource,
  ArticleInfo,
  Verdict,
} from '../types.js';
import { Citer } from './citer.js';
import { describeSource, quote } from './describe-source.js';
import { followUpQuestions } from './follow-up-questions.js';
import { namedSpeakers } from './reactions.js';
import {
  articlesInOrder,
  coreReporting,
  limitations,
  otherSources,
  partsOfTheClaim,
  perspectives,
  whoIsInvolved,
  whoReacted,
} from './found-sections.js';
import { namesInEvidence } from './names-in-evidence.js';
import { uncoveredTerms } from './said-in-other-words.js';
import {
  consequencesAndContext,
  promisedAndDone,
  promisesAndActs,
  sameStorySentences,
} from './acts-and-context.js';
import { citedOrigin, type Provenance } from '../assess/trace-provenance.js';
import { assignRoles } from './assign-roles.js';
import { quoteOnce } from './quote-once.js';
import { sourceQuality, type SourcePolicy } from '../assess/source-quality.js';
import type { QuestionReading } from '../assess/read-question.js';
import { answerQuestion } from './answer-question.js';
import { answerSummary, answerVerdict } from './answer-summary.js';
import { checkPremises } from '../assess/check-premises.js';
import { outlierFacts } from '../assess/outlier-facts.js';
import { clusterStatements, originsOf, outletsOf } from '../assess/cluster-statements.js';
import { premiseSentence } from './premise-sentence.js';
import { timeline } from './timeline.js';
import { keyFacts } from './key-facts.js';
import type { ArticleReading } from '../assess/article-stance.js';

export interface ComposeInput {
  claim: Claim;
  /** A claim (verdict) or an open question (answer); a claim when absent. */
  reading?: QuestionReading;
  /** The claim's parts with the evidence found for each (empty for a simple claim). */
  parts: Array<{ text: string; evidence: Evidence[] }>;
  evidence: Evidence[];
  /** Quotes and statements of named people in the evidence articles (see findReactions). */
  reactions: Evidence[];
  /** Critical and defending reactions, when both are present (see competingPerspectives). */
  sides: { critics: Evidence[]; defenders: Evidence[] };
  /** The whole scored pool, best first (for promises and acts, consequences and context). */
  ranked: Evidence[];
  /** Nearest sentences when nothing qualified as evidence (shown, never counted as evidence). */
  closest: Evidence[];
  verdict: Verdict;
  provenance: Provenance;
  corpus: CorpusState;
  checkedAt: string;
  methodUrl: string;
  /** The user's source policy (source-quality.ts); none by default. */
  sourcePolicy?: SourcePolicy;
  /** The evidence articles' texts by article id (`Store.articleTexts`), read for signs of low quality. */
  articleTexts: ReadonlyMap<string, string>;
  /** How each evidence article as a whole holds the claim, by article id (article-stance.ts). */
  articleStances?: ReadonlyMap<string, ArticleReading>;
  /** Typos read as the words the corpus holds (retrieve/correct-spelling.ts). */
  spelling?: Array<{ from: string; to: string }>;
}

export const DISCLAIMER =
  'Verity can make mistakes: it matches and quotes the stored reporting but does not know more than it. Verify important information with the cited sources.';

/** "Both supporting sentences …" inside a sentence: an ordinary first word lower-cased, a name kept. */
function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) && !/^[A-Z][a-z]+ [A-Z]/.test(text)
    ? text.charAt(0).toLowerCase() + text.slice(1)
    : text;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** Builds the canonical report model. Every sentence carries the source numbers of the passages it quotes or counts. */
export function composeReport(input: ComposeInput): Report {
  const { claim, evidence, provenance, corpus } = input;
  const reading = input.reading ?? { kind: 'claim' };
  const citer = new Citer(provenance.originOf);
  const missingTerms = uncoveredTerms(claim, evidence);
  const otherNames = namesInEvidence(evidence, claim.entities);
  // The other sentences of the evidence articles on the story, read by several parts of the report.
  const related = sameStorySentences(input.ranked, evidence);
  const story = [...evidence, ...related];
  // What the question takes for granted, read against every sentence of the evidence articles.
  const premises = evidence.length > 0 ? checkPremises(claim.question, input.ranked, claim.entities) : [];
  // An open question is answered, not judged: its verdict block says whether the sources answer it.
  const answerFound =
    reading.kind === 'question'
      ? // The answer is often in another sentence of an evidence article ("One of them, X, was returned …").
        answerQuestion(
          reading.asks,
          story,
          claim.entities,
          reading.counted,
          // Past a false premise, the answer is about what the reporting gives instead ("Tuesday").
          premises.flatMap((finding) => finding.reported.slice(0, 1).map((entry) => entry.value)),
          claim.question,
        )
      : null;
  const verdict: Omit<Report['verdict'], 'citations'> = answerFound
    ? answerVerdict(answerFound, evidence)
    : input.verdict;
  const answered =
    reading.kind === 'question' && answerFound
      ? answerSummary(
          citer,
          reading,
          answerFound,
          evidence,
          claim.entities,
          input.closest,
          input.ranked.filter((item) => evidence.some((used) => used.article.id === item.article.id)),
        )
      : null;
  const asked = reading.kind;
  const base = {
    question: claim.question,
    kind: reading.kind,
    claim: reading.kind === 'question' ? claim.question : claim.text,
    ...(answered ? { answer: answered.answer } : {}),
    ...(premises.length > 0
      ? {
          premises: premises.map((finding) => ({
            stated: finding.premise.value,
            kind: finding.premise.kind,
            reported: finding.reported.map((entry) => ({
              value: entry.value,
              outlets: entry.outlets,
              citations: citer.cite(entry.items.slice(0, 1)),
            })),
          })),
        }
      : {}),
    ...(input.spelling && input.spelling.length > 0 ? { spelling: input.spelling } : {}),
    subClaims: [] as Report['subClaims'],
    checkedAt: input.checkedAt,
    disclaimer: DISCLAIMER,
    methodUrl: input.methodUrl,
    corpus,
  };

  if (evidence.length === 0) {
    const closest = input.closest;
    const summary = answered?.summary ?? [
      citer.sentence(
        `Nothing in the ${count(corpus.articles)} articles checked addresses this claim; that does not make it false, only not covered by this corpus.`,
        closest,
      ),
    ];
    const sections: ReportSection[] = closest.length
      ? [
          {
            title: 'What the search found instead',
            // Two articles may hold the same sentence word for word: it is quoted once.
            sentences: quoteOnce([
              closest.map((item) =>
                citer.sentence(
                  `The closest sentence, in ${describeSource(item.article)}, shares only ${item.matchedTerms.map((term) => `“${term}”`).join(', ')} with the ${asked}: ${quote(item.sentence.text)}`,
                  [item],
                ),
              ),
            ])[0]!,
          },
        ]
      : [];
    return {
      ...base,
      verdict: { ...verdict, citations: citer.cite(closest) },
      summary,
      sections,
      bottomLine: answered?.bottomLine ?? [
        citer.sentence(
          `${VERDICT_TITLES['not-found']}: add reporting on ${claim.entities.join(', ') || 'this subject'} to the corpus and check again.`,
          closest,
        ),
      ],
      followUps: followUpQuestions(claim, missingTerms, [], reading),
      sources: citer.list(),
      provenance: { sources: 0, origins: [] },
    };
  }

  // A source that alone gives another number for a fact every other outlet agrees on is set aside too.
  const outliers = outlierFacts(story, claim.entities);
  const quality = (article: ArticleInfo) => {
    const own = sourceQuality(article, input.articleTexts.get(article.id), input.sourcePolicy);
    const outlier = outliers.get(article.id);
    return outlier ? { ...own, setAside: [...own.setAside, outlier] } : own;
  };
  const groups = articlesInOrder(evidence, quality);
  // Sources set aside as core reporting, said so where a better source carries it.
  const setAside =
    quality(groups[0]![0]!.article).setAside.length === 0
      ? groups
          .map((group) => ({ item: group[0]!, reasons: quality(group[0]!.article).setAside }))
          .filter((entry) => entry.reasons.length > 0)
      : [];
  const best = [...evidence].sort((a, b) => b.coverage - a.coverage)[0]!;
  // The closest match is one statement: every outlet that states it in other words stands behind it.
  const bestStatement = clusterStatements([best, ...story]).find((statement) =>
    statement.items.includes(best),
  )?.items ?? [best];
  const backing = outletsOf(bestStatement).length;
  const bestOrigins = originsOf(bestStatement, provenance.originOf).length;
  // The summary opens with the verdict and its grounds, then the closest evidence, then the count.
  const summary = answered?.summary ?? [
    citer.sentence(`${verdict.title}: ${lowerFirst(verdict.reasons.at(-1) ?? '')}`, evidence),
    citer.sentence(
      `The closest match, in ${describeSource(best.article)}, reads: ${quote(best.sentence.text)}${backing > 1 ? ` ${backing} outlets state it (${bestOrigins} independent origin${bestOrigins === 1 ? '' : 's'}).` : ''}`,
      bestStatement,
    ),
    citer.sentence(
      `Verity found ${evidence.length} evidence sentence${evidence.length === 1 ? '' : 's'} in ${groups.length} article${groups.length === 1 ? '' : 's'} (${provenance.origins.length} independent origin${provenance.origins.length === 1 ? '' : 's'}) that address the ${asked}.`,
      evidence,
    ),
  ];
  // A false premise is said plainly, right after the verdict or the answer.
  summary.splice(1, 0, ...premises.map((finding) => premiseSentence(citer, finding, asked)));
  const found = promisesAndActs(input.ranked, evidence);
  const coreArticle = groups[0]![0]!.article.id;
  const attribution =
    [...groups[0]!, ...related.filter((item) => item.article.id === coreArticle)]
      .map((item) => ({ item, origin: citedOrigin(item.sentence.text) }))
      .find((candidate): candidate is { item: Evidence; origin: string } => candidate.origin !== null) ??
    null;
  const used = [
    ...evidence,
    ...found.acts,
    ...input.reactions,
    ...input.sides.critics,
    ...input.sides.defenders,
    ...(attribution ? [attribution.item] : []),
  ];
  const sections = [
    partsOfTheClaim(citer, input.parts, evidence),
    coreReporting(citer, groups, attribution),
    keyFacts(citer, story, provenance.originOf),
    timeline(citer, story),
    promisedAndDone(citer, found),
    otherSources(citer, groups, provenance.originOf),
    whoReacted(citer, input.reactions),
    whoIsInvolved(citer, claim, evidence, otherNames),
    consequencesAndContext(citer, input.ranked, evidence, used),
    limitations(citer, evidence, missingTerms, provenance, related, asked, setAside),
    perspectives(citer, input.sides),
  ].filter((section): section is ReportSection => section !== null);
  const bottomLine = answered?.bottomLine ?? [
    citer.sentence(
      `${verdict.title} (confidence ${Math.round(verdict.confidence * 100)}%): ${verdict.reasons.at(-1)}`,
      evidence,
    ),
  ];
  if (missingTerms.length > 0) {
    bottomLine.push(
      citer.sentence(
        missingTerms.length === 1
          ? `The part of the ${asked} about “${missingTerms[0]}” remains unchecked.`
          : `The parts of the ${asked} about ${missingTerms.map((term) => `“${term}”`).join(', ')} remain unchecked.`,
        evidence,
      ),
    );
  }
  const subClaims = input.parts.map((part) => ({
    text: part.text,
    covered: part.evidence.length > 0,
    citations: part.evidence.length > 0 ? citer.cite(part.evidence.slice(0, 1)) : [],
  }));
  // In reading order: the summary, the sections, the bottom line.
  const once = quoteOnce([summary, ...sections.map((section) => section.sentences), bottomLine]);
  return {
    ...base,
    subClaims,
    verdict: { ...verdict, citations: citer.cite(evidence) },
    summary: once[0]!,
    sections: sections.map((section, index) => ({ ...section, sentences: once[index + 1]! })),
    bottomLine: once.at(-1)!,
    followUps: followUpQuestions(
      claim,
      missingTerms,
      otherNames,
      reading,
      answerFound,
      namedSpeakers(input.reactions),
    ),
    sources: withStances(assignRoles(citer.list(), provenance), reading.kind, input.articleStances),
    provenance: { sources: provenance.articleCount, origins: provenance.origins },
  };
}

/** A claim's sources with how each article as a whole holds it; a question's are left as they are. */
function withStances(
  sources: ReportSource[],
  kind: QuestionReading['kind'],
  stances: ReadonlyMap<string, ArticleReading> | undefined,
): ReportSource[] {
  if (kind !== 'claim' || !stances) return sources;
  return sources.map((source) => {
    const reading = stances.get(source.articleId);
    const label = reading?.shown;
    if (!reading || !label) return source;
    return {
      ...source,
      stance: { label, probability: Math.round(reading.probabilities[label] * 100) / 100 },
    };
  });
}
