import { ANONYMOUS_SOURCING } from '../assess/attribute-sentence.js';
import { namedSpeakers } from './reactions.js';
import { opposes } from '../assess/decide-verdict.js';
import type { SourceQuality } from '../assess/source-quality.js';
import type { Provenance } from '../assess/trace-provenance.js';
import type { Claim, CitedSentence, Evidence, ReportSection, ArticleInfo } from '../types.js';
import type { Citer } from './citer.js';
import { describeSource, quote } from './describe-source.js';
import { isNameCandidate, namesInEvidence } from './names-in-evidence.js';
import { stemSet } from '../analyze/tokenize.js';
import { StatementClusters, originsOf, outletsOf, type Statement } from '../assess/cluster-statements.js';
import { listWords } from './list-words.js';
import { statesSomething } from './states-something.js';

/** Articles in the evidence, ordered: the origin-like source (earliest dated, then best match) first. */
export function articlesInOrder(
  evidence: Evidence[],
  /** The source's quality (source-quality.ts): set-aside sources come last, high-tier ones first. */
  quality: (article: ArticleInfo) => SourceQuality = () => ({ tier: 'standard', setAside: [] }),
): Evidence[][] {
  const byArticle = new Map<string, Evidence[]>();
  for (const item of evidence)
    byArticle.set(item.article.id, [...(byArticle.get(item.article.id) ?? []), item]);
  const rank = (group: Evidence[]) => {
    const { tier, setAside } = quality(group[0]!.article);
    return setAside.length > 0 ? 2 : tier === 'high' ? 0 : 1;
  };
  const groups = [...byArticle.values()];
  // The earliest account comes first only when every article is dated: an article dated by its
  // address alone must not go before undated ones that match better.
  const allDated = groups.every((group) => group[0]!.article.published);
  return groups.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (allDated ? a[0]!.article.published!.localeCompare(b[0]!.article.published!) : 0) ||
      b[0]!.coverage - a[0]!.coverage ||
      a[0]!.article.id.localeCompare(b[0]!.article.id),
  );
}

/**
 * The core article's evidence; when it credits the story to an outlet, the sentence that does so,
 * and a title naming whose account it is.
 */
export function coreReporting(
  citer: Citer,
  groups: Evidence[][],
  attribution: { item: Evidence; origin: string } | null,
): ReportSection {
  // A caption the splitter kept as a sentence ("Joan Rivers.") is not quoted as the core's account.
  const stating = groups[0]!.filter((item) => statesSomething(item.sentence.text));
  const core = stating.length > 0 ? stating : groups[0]!;
  const who = describeSource(core[0]!.article);
  const sentences = core.map((item, index) =>
    citer.sentence(`${index === 0 ? `${who} reports` : 'It adds'}: ${quote(item.sentence.text)}`, [item]),
  );
  if (attribution && !core.some((item) => item.sentence.text === attribution.item.sentence.text)) {
    sentences.push(
      citer.sentence(
        `It credits the account to ${attribution.origin}: ${quote(attribution.item.sentence.text)}`,
        [attribution.item],
      ),
    );
  }
  // The title names what the core holds: whose account it is, else the names it gives.
  return {
    title: attribution
      ? `What the core reporting says: ${attribution.origin}’s account`
      : titled('What the core reporting says', listed(namesInEvidence(core, [], MAX_TITLE_NAMES * 2, 1))),
    sentences,
  };
}

function outletNames(items: Evidence[]): string {
  return listWords([...new Set(items.map((item) => describeSource(item.article)))]);
}

/**
 * What the other sources add, each fact once: each other article's best sentence, grouped with
 * the sentences of other outlets that say the same, so that a fact stated by five outlets is one
 * sentence citing all five; one that repeats the core reporting says so and cites them.
 */
export function otherSources(
  citer: Citer,
  groups: Evidence[][],
  /** Article id → the origin it traces to (provenance), for how many origins stand behind a fact. */
  originOf: ReadonlyMap<string, string> = new Map(),
): ReportSection | null {
  if (groups.length < 2) return null;
  const core = groups[0]!;
  const statements = new StatementClusters();
  const coreStatements = new Set(core.map((item) => statements.add(item)));
  const repeatsCore: Evidence[] = [];
  const facts: Statement[] = [];
  const adds: Evidence[] = [];
  // Each other article's best sentence that states something (not a caption such as "Joan Rivers.").
  const leads = groups
    .slice(1)
    .map((group) => group.find((item) => statesSomething(item.sentence.text)))
    .filter((item): item is Evidence => item !== undefined);
  for (const lead of leads) {
    const statement = statements.add(lead);
    if (!coreStatements.has(statement)) {
      if (!facts.includes(statement)) facts.push(statement);
      continue;
    }
    repeatsCore.push(lead);
    // A rewrite that states the core's fact with more ("… in revenge for US airstrikes") is quoted for what it adds.
    const own = stemSet(lead.sentence.text);
    let added = 0;
    for (const value of own) if (!statement.lead.stems.has(value)) added++;
    if (added >= ADDS_DETAIL_STEMS) adds.push(lead);
  }
  const backing = (items: Evidence[]) => {
    const origins = originsOf(items, originOf).length;
    return `${outletsOf(items).length} outlets, ${origins} independent origin${origins === 1 ? '' : 's'}`;
  };
  const sentences = facts
    .slice(0, 5)
    .map(({ items }) =>
      citer.sentence(
        `${describeSource(items[0]!.article)}${items.length > 1 ? ` (and in nearly the same words ${outletNames(items.slice(1))}; ${backing(items)})` : ''}: ${quote(items[0]!.sentence.text)}`,
        items,
      ),
    );
  sentences.unshift(
    ...adds.map((item) =>
      citer.sentence(`${describeSource(item.article)} adds to it: ${quote(item.sentence.text)}`, [item]),
    ),
  );
  if (repeatsCore.length > 0)
    sentences.unshift(
      citer.sentence(
        `${outletNames(repeatsCore)} ${repeatsCore.length === 1 ? 'reports' : 'report'} the same as the core reporting, in nearly the same words (${backing([core[0]!, ...repeatsCore])}).`,
        [...repeatsCore, core[0]!],
      ),
    );
  const others = leads;
  const origins = originsOf(others, originOf).length;
  return sentences.length > 0
    ? {
        title: titled(
          'How other sources report it',
          `${outletsOf(others).length} outlet${outletsOf(others).length === 1 ? '' : 's'}, ${origins} independent origin${origins === 1 ? '' : 's'}`,
        ),
        sentences,
      }
    : null;
}

/** Content words a rewrite must add to the core's wording to be quoted for them. */
const ADDS_DETAIL_STEMS = 4;

/** Names given in a section title at most. */
const MAX_TITLE_NAMES = 3;

/** "Rubio, Bukele and Bondi": the names that are names (no day, number or lower-case word), three at most. */
function listed(candidates: string[]): string {
  const names = candidates
    .filter((name) => {
      const bare = name.replace(/^the\s+/, '');
      return /^\p{Lu}/u.test(bare) && isNameCandidate(bare);
    })
    .slice(0, MAX_TITLE_NAMES);
  return listWords(names);
}

/** A section's title with what it holds after a colon, as the seed writes them ("…: a backroom pledge to Bukele"). */
export function titled(title: string, holds: string): string {
  return holds ? `${title}: ${holds}` : title;
}

export function whoIsInvolved(
  citer: Citer,
  claim: Claim,
  evidence: Evidence[],
  otherNames: string[],
): ReportSection | null {
  const sentences: CitedSentence[] = [];
  for (const entity of claim.entities) {
    const mentions = evidence.filter((item) =>
      item.sentence.text.toLowerCase().includes(entity.toLowerCase()),
    );
    if (mentions.length > 0) {
      sentences.push(
        citer.sentence(
          `“${entity}” appears in ${mentions.length} of the ${evidence.length} evidence sentences.`,
          mentions,
        ),
      );
    }
  }
  for (const name of otherNames) {
    const mentions = evidence.filter((item) => item.sentence.text.includes(name));
    sentences.push(
      citer.sentence(`The evidence also names ${name} (${mentions.length} sentences).`, mentions),
    );
  }
  const named = [
    ...claim.entities.filter((entity) =>
      evidence.some((item) => item.sentence.text.toLowerCase().includes(entity.toLowerCase())),
    ),
    ...otherNames,
  ];
  return sentences.length > 0
    ? { title: titled('Who and what is involved', listed(named)), sentences }
    : null;
}

/** Disagreement, limitations and what the sources do not say: the part a careful reader needs most. */
export function limitations(
  citer: Citer,
  evidence: Evidence[],
  missingTerms: string[],
  provenance: Provenance,
  related: Evidence[] = [],
  /** What was asked: a question has no "against" side, and its terms are the question's. */
  asked: 'claim' | 'question' = 'claim',
  /** Sources not used as core reporting, with why (source-quality.ts). */
  setAside: Array<{ item: Evidence; reasons: string[] }> = [],
): ReportSection {
  const sentences: CitedSentence[] = [];
  for (const { item, reasons } of setAside)
    sentences.push(
      citer.sentence(
        `${describeSource(item.article)} is not used as core reporting, since ${reasons.join(' and ')}.`,
        [item],
      ),
    );
  const unnamed = [...evidence, ...related].find((item) => ANONYMOUS_SOURCING.test(item.sentence.text));
  if (unnamed) {
    sentences.push(
      citer.sentence(
        `Part of the account rests on sources who are not named, so it cannot be checked against an on-the-record statement: ${quote(unnamed.sentence.text)}`,
        [unnamed],
      ),
    );
  }
  if (missingTerms.length > 0) {
    const listed = missingTerms.map((term) => `“${term}”`).join(', ');
    sentences.push(
      citer.sentence(
        `None of the evidence sentences mentions ${listed}, so that part of the ${asked} is not covered.`,
        evidence,
      ),
    );
  }
  if (provenance.origins.length === 1 && provenance.articleCount > 1) {
    sentences.push(
      citer.sentence(
        `All ${provenance.articleCount} sources trace to one origin, ${provenance.origins[0]}; repetition is not confirmation.`,
        evidence,
      ),
    );
  }
  const attributed = evidence.filter((item) => item.modality === 'reported');
  if (attributed.length > 0) {
    sentences.push(
      citer.sentence(
        `${attributed.length} of ${evidence.length} evidence sentence${evidence.length === 1 ? '' : 's'} ${attributed.length === 1 ? 'attributes' : 'attribute'} the information to others rather than state it.`,
        attributed,
      ),
    );
  }
  const promised = evidence.filter((item) => item.modality === 'promised');
  if (promised.length > 0) {
    sentences.push(
      citer.sentence(`A promise or plan is not an act: ${quote(promised[0]!.sentence.text)}`, [promised[0]!]),
    );
  }
  const speculative = evidence.filter((item) => item.modality === 'speculative');
  if (speculative.length > 0) {
    sentences.push(
      citer.sentence(`Some evidence is hedged: ${quote(speculative[0]!.sentence.text)}`, [speculative[0]!]),
    );
  }
  for (const item of asked === 'claim' ? evidence.filter(opposes).slice(0, 3) : []) {
    sentences.push(
      citer.sentence(
        `Against the claim (${item.contradicts.join(', ')}), ${describeSource(item.article)}: ${quote(item.sentence.text)}`,
        [item],
      ),
    );
  }
  if (sentences.length === 0) {
    sentences.push(
      citer.sentence(
        `The evidence does not disagree on the points the ${asked} names, and states them directly.`,
        evidence,
      ),
    );
  }
  return { title: 'Points of disagreement, limitations and what the sources do not say', sentences };
}

/** Each part of a compound claim, with the best evidence for it or a plain statement that none addresses it. */
export function partsOfTheClaim(
  citer: Citer,
  parts: Array<{ text: string; evidence: Evidence[] }>,
  evidence: Evidence[],
): ReportSection | null {
  if (parts.length < 2) return null;
  return {
    title: 'What each part of the claim rests on',
    sentences: parts.map((part) => {
      const best = part.evidence[0];
      return best
        ? citer.sentence(
            `On the part ‘${part.text}’, ${describeSource(best.article)} reads: ${quote(best.sentence.text)}`,
            [best],
          )
        : citer.sentence(
            `No evidence sentence addresses the part ‘${part.text}’; it is not covered by the sources checked.`,
            evidence,
          );
    }),
  };
}

/** How the story was framed and who reacted: quotes and statements of named people in the cited articles. */
export function whoReacted(citer: Citer, reactions: Evidence[]): ReportSection | null {
  if (reactions.length === 0) return null;
  return {
    title: titled('Who reacted, and how', listed(namedSpeakers(reactions))),
    sentences: reactions.map((item) =>
      citer.sentence(`${describeSource(item.article)} reports the reaction: ${quote(item.sentence.text)}`, [
        item,
      ]),
    ),
  };
}

/** Critics and defenders, each with their source, when the cited articles carry both. */
export function perspectives(
  citer: Citer,
  sides: { critics: Evidence[]; defenders: Evidence[] },
): ReportSection | null {
  if (sides.critics.length === 0 || sides.defenders.length === 0) return null;
  return {
    title: 'Competing perspectives',
    sentences: [
      ...sides.critics.map((item) =>
        citer.sentence(`Critical, in ${describeSource(item.article)}: ${quote(item.sentence.text)}`, [item]),
      ),
      ...sides.defenders.map((item) =>
        citer.sentence(`In defence, in ${describeSource(item.article)}: ${quote(item.sentence.text)}`, [
          item,
        ]),
      ),
    ],
  };
}
