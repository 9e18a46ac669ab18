import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readQuestion } from '../src/assess/read-question.js';
import { readPremises } from '../src/assess/check-premises.js';
import { analyzeClaim } from '../src/assess/analyze-claim.js';
import { followUpQuestions } from '../src/compose/follow-up-questions.js';
import { answerQuestion } from '../src/compose/answer-question.js';
import { checkClaim } from '../src/check-claim.js';
import { ingestSources } from '../src/ingest/ingest-sources.js';
import { renderReport } from '../src/render/render-report.js';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import type { Evidence } from '../src/types.js';
import { expectCitationIntegrity } from './helpers/citation-integrity.js';
import { expectValidReport } from './helpers/report-schema.js';
import { tempDir } from './helpers/shared.js';
import { storeOf } from './helpers/story-store.js';

describe('what kind of input a check is given', () => {
  it.each([
    ['Who voted against the dam plan?', 'person', 'voted against the dam plan'],
    // "Which" or "what" before a noun for people asks who (WordNet's kinds of person).
    [
      'Which council members voted against the dam plan?',
      'person',
      'council members voted against the dam plan',
    ],
    ['What politicians voted for the dam?', 'person', 'politicians voted for the dam'],
    ['Which of the two engineers resigned?', 'person', 'of the two engineers resigned'],
    ['Which company built the dam?', 'name', 'company built the dam'],
    ['Which country funds the dam?', 'name', 'country funds the dam'],
    ['Who voted against the dam plan.', 'person', 'voted against the dam plan'],
    ['How many council members were at the vote', 'number', 'council members were at the vote'],
    ['How old is the mayor?', 'number', 'the mayor'],
    ['How many council members voted for the dam?', 'number', 'council members voted for the dam'],
    ['When did the council approve the dam.', 'date', 'the council approve the dam'],
    ['Where will the dam be built?', 'place', 'the dam be built'],
    ['What happened after the vote?', 'event', 'the vote'],
    ['Why did the council approve the dam?', 'reason', 'the council approve the dam'],
    ['What does the plan cost?', 'account', 'the plan cost'],
    // As people type them: no question mark after a noun and an auxiliary.
    ['which journalist did isis behead', 'person', 'journalist did isis behead'],
    ['how old was sotloff', 'number', 'sotloff'],
    ['what video did ISIS release', 'account', 'video did ISIS release'],
    // A verbless fragment that names a count asks for it.
    ['House vote count on Epstein, 217 for GOP,', 'number', 'House vote count on Epstein, 217 for GOP'],
    ['Death toll in the Gaza floods', 'number', 'Death toll in the Gaza floods'],
  ])('"%s" is an open question asking for a %s', (question, asks, topic) => {
    expect(readQuestion(question)).toMatchObject({ kind: 'question', asks, topic });
  });

  it('keeps what a count counts', () => {
    expect(readQuestion('How many council members voted for the dam?')).toMatchObject({
      counted: 'council members',
    });
  });

  it.each([
    'Did the council approve the dam?',
    'Is it true that the council approved the dam?',
    'The council approved the dam',
    'Whoever said that was wrong',
    'When CO2 was higher in the past, the sun was cooler.',
    'Which means that the planet is warmer',
    'WHO estimates that fewer than 10% of patients have access to care.',
    'The vote count was 7 to 2',
    'What he did was wrong',
    'What the council did was illegal',
  ])('"%s" is a claim', (question) => {
    expect(readQuestion(question)).toEqual({ kind: 'claim' });
  });
});

/** Three outlets' invented reports of one council vote, written by the test. */
const ARTICLES = [
  {
    outlet: 'Riverton Gazette',
    title: 'Council approves Miller Creek dam',
    published: '2026-03-04',
    url: 'https://gazette.example/dam-vote',
    text: 'The Riverton city council voted on Tuesday to approve the Miller Creek dam. Seven council members voted for the dam and two voted against it.\n\nCouncil members Maria Okafor and Daniel Brandt voted against the dam plan, saying the cost was too high.\n\nThe council approved the dam because the valley flooded three times in ten years, the mayor said.',
  },
  {
    outlet: 'Valley Courier',
    title: 'Dam plan passes 7-2',
    published: '2026-03-04',
    url: 'https://courier.example/news/dam',
    text: 'Riverton council members backed the Miller Creek dam in a vote on Tuesday. Seven council members voted for the dam.\n\nMaria Okafor and Daniel Brandt voted against the dam plan.\n\nConstruction of the dam was approved after years of debate over flooding.',
  },
  {
    outlet: 'State Wire',
    title: 'Riverton backs dam',
    published: '2026-03-05',
    url: 'https://wire.example/riverton',
    text: 'The Riverton council voted to approve the Miller Creek dam on Tuesday. Maria Okafor voted against the dam plan.\n\nThe mayor said the council approved the dam because the valley flooded three times in ten years.',
  },
];

describe('open questions get an answer, not a verdict', async () => {
  const dir = tempDir('questions');
  let store: Store;

  beforeAll(async () => {
    const file = path.join(dir, 'council.jsonl');
    fs.writeFileSync(file, ARTICLES.map((article) => JSON.stringify(article)).join('\n') + '\n');
    store = createSqliteStore({ path: path.join(dir, 'verity.db') });
    const summary = await ingestSources([file], { store, maxFileBytes: 50e6 });
    expect(summary.added).toBe(ARTICLES.length);
  });
  afterAll(() => store.close());

  const check = async (question: string) => {
    const report = await checkClaim(question, { store, asOf: '2026-04-01' });
    await expectCitationIntegrity(report, store);
    expectValidReport(report);
    return report;
  };

  it('names who, with how many outlets state each name, first in the summary', async () => {
    const report = await check('Who voted against the dam plan?');
    expect(report.kind).toBe('question');
    expect(report.claim).toBe('Who voted against the dam plan?');
    expect(report.verdict.label).toBe('answered');
    expect(report.answer!.text).toMatch(/^The reporting names Maria Okafor \(3 outlets\)/);
    expect(report.answer!.text).toContain('Daniel Brandt (2 outlets)');
    expect(report.answer!.outlets).toBe(3);
    expect(report.summary[0]!.text).toBe(report.answer!.text);
    expect(report.answer!.citations.length).toBeGreaterThanOrEqual(3);
  });

  it('gives the count of what was asked for, not another number in the same sentences', async () => {
    const report = await check('How many council members voted for the dam?');
    expect(report.answer!.text).toMatch(/^The reporting gives Seven council members \(2 outlets\)/i);
  });

  it('answers a fragment that names a count with the count', async () => {
    const report = await check('council vote count on the dam');
    expect(report.kind).toBe('question');
    expect(report.answer!.text).toMatch(/^The reporting gives Seven council members/i);
  });

  it('dates what happened', async () => {
    expect((await check('When did the council approve the dam?')).answer!.text).toMatch(
      /dates it to Tuesday/,
    );
  });

  it('answers why with the sentence that gives the reason', async () => {
    const report = await check('Why did the council approve the dam');
    expect(report.verdict.label).toBe('answered');
    expect(report.answer!.text).toMatch(/because the valley flooded three times/);
  });

  it('says plainly when nothing answers the question, and that this is not a "no"', async () => {
    const report = await check('Who designed the Oslo opera house roof?');
    expect(report.verdict.label).toBe('not-answered');
    expect(report.verdict.title).toBe('Not answered by these sources');
    expect(report.answer!.outlets).toBe(0);
    expect(report.answer!.text).toMatch(/not answered by these sources|do not answer/);
  });

  it('shows the answer first in Markdown and HTML, writes no ClaimReview, and asks real follow-ups', async () => {
    const report = await check('Who voted against the dam plan?');
    const markdown = renderReport(report, 'markdown');
    expect(markdown).toContain('**Question:** Who voted against the dam plan?');
    expect(markdown.indexOf('## Answer: Answered by the reporting')).toBeLessThan(
      markdown.indexOf('## Executive summary'),
    );
    expect(markdown).toContain('**The reporting names Maria Okafor');
    const html = renderReport(report, 'html');
    expect(html).toContain('<p class="answer">The reporting names Maria Okafor');
    expect(() => renderReport(report, 'claimreview')).toThrow(/ClaimReview rates a claim/);
    for (const followUp of report.followUps) {
      expect(followUp).toMatch(/\?$/);
      expect(followUp).not.toMatch(/that Who\b|about What\b/);
    }
    expect(report.followUps).toContain('What does the reporting say about Maria Okafor?');
  });

  it('writes every count with its right number ("1 sentence leans", "2 outlets")', async () => {
    for (const question of [
      'Did the council approve the Miller Creek dam?',
      'Who voted against the dam plan?',
      'Did State Wire report that Maria Okafor voted against the dam plan?',
    ]) {
      const report = await check(question);
      const text = [
        ...report.verdict.reasons,
        ...report.summary.map((sentence) => sentence.text),
        ...report.sections.flatMap((section) => section.sentences.map((sentence) => sentence.text)),
        ...report.bottomLine.map((sentence) => sentence.text),
      ].join(' ');
      expect(text).not.toMatch(/\b1 (sentences|articles|outlets|sources)\b/);
      expect(text).not.toMatch(/\b1 sentence lean\b|\b1 evidence sentence in 1 article bear\b/);
      expect(text).not.toMatch(/\b([02-9]|\d\d+) (sentence|article|outlet) /);
    }
  });

  it('checked as of a day before the latest ingest, says how many articles were published by then', async () => {
    const report = await checkClaim('Who voted against the dam plan?', { store, asOf: '2026-03-04' });
    expect(report.corpus.publishedByAsOf).toBe(2);
    expect(renderReport(report, 'markdown')).toContain(
      'Checked as of March 4, 2026, against the 2 articles published by then (undated ones included) of the 3 stored.',
    );
    expect(report.sources.map((source) => source.outlet)).not.toContain('State Wire');
    expect((await check('Who voted against the dam plan?')).corpus.publishedByAsOf).toBe(3);
  });

  it('states a fact that several outlets report once, citing them all', async () => {
    const report = await check('Did Maria Okafor and Daniel Brandt vote against the dam plan?');
    const others = report.sections.find((section) => section.title.startsWith('How other sources report it'));
    const sentences = others?.sentences ?? [];
    const same = sentences.find((sentence) => /the same as the core reporting/.test(sentence.text));
    expect(same, JSON.stringify(report.sections.map((section) => section.title))).toBeDefined();
    expect(same!.citations.length).toBeGreaterThanOrEqual(2);
    const quoted = report.sections.flatMap((section) =>
      section.sentences.flatMap((sentence) => sentence.quotes ?? []),
    );
    expect(
      quoted.filter((text) => /Okafor and Daniel Brandt voted against/.test(text)).length,
    ).toBeLessThanOrEqual(1);
  });

  it('still judges a yes/no question as a claim', async () => {
    const report = await check('Did the council approve the Miller Creek dam?');
    expect(report.kind).toBe('claim');
    expect(report.answer).toBeUndefined();
    expect(['supported', 'reported', 'unsettled']).toContain(report.verdict.label);
  });

  it('says plainly when a premise is false, and what the reporting gives instead', async () => {
    const report = await check('What did the council decide on Friday about the dam?');
    expect(report.premises).toEqual([
      expect.objectContaining({
        stated: 'Friday',
        kind: 'weekday',
        reported: [expect.objectContaining({ value: 'Tuesday', outlets: 3 })],
      }),
    ]);
    const said = report.summary.find((sentence) => /Friday/.test(sentence.text));
    expect(said?.text).toBe(
      'None of the articles gives Friday (as the question has it); on the same subject the reporting gives Tuesday (3 outlets).',
    );
    expect(said!.citations.length).toBeGreaterThanOrEqual(2);
    expect(report.summary.indexOf(said!)).toBe(1);
    // Past the false premise, the answer is about the day the reporting gives.
    expect(report.answer!.text).toContain('Tuesday');
  });

  it('reads a wrong count against the counts the reporting gives for the same thing', async () => {
    const report = await check('nine council members voted for the dam');
    expect(
      report.premises?.map((premise) => [premise.stated, premise.reported.map((entry) => entry.value)]),
    ).toEqual([['9', ['7']]]);
    expect(report.summary.map((sentence) => sentence.text).join(' ')).toContain(
      'None of the articles gives the number 9 (as the claim has it); on the same subject the reporting gives 7 (2 outlets).',
    );
  });

  it('finds no false premise where the reporting holds the value, or gives none on its subject', async () => {
    expect((await check('Did the council approve the dam on Tuesday?')).premises).toBeUndefined();
    expect((await check('Seven council members voted for the dam')).premises).toBeUndefined();
    expect((await check('Did the council approve the dam in 2019?')).premises).toBeUndefined();
  });
});

describe('the premises a claim takes for granted', () => {
  it('reads numbers with what they count, and dates with the words nearest them', () => {
    expect(readPremises('Steven Sotloff was a 41-year-old journalist')).toEqual([
      { value: '41', kind: 'number', anchors: ['year', 'old'] },
    ]);
    expect(readPremises('The vote on 22 October passed')).toEqual([
      { value: 'October 22', kind: 'date', anchors: ['pass', 'vote'] },
    ]);
    expect(readPremises('Nine MS-13 leaders were returned')[0]).toMatchObject({
      value: '9',
      anchors: ['ms-13', 'leader'],
    });
  });

  it('does not read a number inside a name ("MS-13", "COVID-19") as an amount', () => {
    expect(readPremises('Rubio turned over MS-13 informants')).toEqual([]);
    expect(readPremises('COVID-19 vaccines were approved')).toEqual([]);
  });
});

describe('follow-up questions about the story', () => {
  it('ask what each named speaker said about the subject, for claims and questions alike', () => {
    const claim = analyzeClaim('Did the council approve the Miller Creek dam?');
    const speakers = ['Maria Okafor', 'the Riverton Water Board'];
    const asked = followUpQuestions(claim, [], [], { kind: 'claim' }, null, speakers);
    expect(asked).toContain('What did Maria Okafor say about Miller Creek?');
    expect(asked).toContain('What did the Riverton Water Board say about Miller Creek?');
    const question = analyzeClaim('Who voted against the Miller Creek dam?');
    expect(
      followUpQuestions(
        question,
        [],
        [],
        readQuestion('Who voted against the Miller Creek dam?'),
        null,
        speakers,
      ),
    ).toContain('What did Maria Okafor say about Miller Creek?');
  });

  it('are about names, not a number, a day, a nationality or a common word the claim holds', () => {
    const claim = analyzeClaim('A Riverton farmer says 43 French tourists saw a third flood on Friday.');
    const asked = followUpQuestions(claim, [], [], { kind: 'claim' }, null, []).join(' ');
    expect(asked).toContain('What does the reporting say about Riverton?');
    expect(asked).not.toMatch(/about (?:43|French|third|Friday|A Riverton)\b/);
    const question = analyzeClaim('What did the mayor of Riverton say on Friday?');
    const followUps = followUpQuestions(
      question,
      [],
      [],
      readQuestion('What did the mayor of Riverton say on Friday?'),
    );
    expect(followUps.join(' ')).not.toMatch(/Friday\?/);
  });
});

/** Three invented outlets on what closed a road, one of them doubting it, written by the test. */
const CAUSE_ARTICLES = [
  {
    outlet: 'Hill Times',
    title: 'Landslide closes Route 9',
    url: 'https://hilltimes.example/route-9',
    text: 'Route 9 near Millbrook was closed on Monday after it was blocked by a landslide, the county said.',
  },
  {
    outlet: 'Valley Courier',
    title: 'Route 9 shut',
    url: 'https://courier.example/route-9',
    text: 'The closure of Route 9 near Millbrook was caused by a landslide after days of rain.',
  },
  {
    outlet: 'State Wire',
    title: 'Questions over Route 9 closure',
    url: 'https://wire.example/route-9',
    text: 'The closure of Route 9 near Millbrook was caused by a landslide, officials said.\n\nA geologist was skeptical that a landslide alone closed Route 9, pointing to cracks seen last year.',
  },
];

describe('a question about what caused something', async () => {
  let store: Store;
  beforeAll(async () => {
    store = await storeOf('causes', CAUSE_ARTICLES);
  });
  afterAll(() => store.close());

  it('names the cause with its outlets, and says in the summary who doubts it', async () => {
    expect(readQuestion('What caused the closure of Route 9?')).toMatchObject({
      kind: 'question',
      asks: 'cause',
    });
    const report = await checkClaim('What caused the closure of Route 9?', { store, asOf: '2026-04-01' });
    await expectCitationIntegrity(report, store);
    expectValidReport(report);
    expect(report.answer!.text).toMatch(/^The reporting gives the cause as a landslide \([23] outlets\)/);
    const doubt = report.summary.find((sentence) => sentence.text.startsWith('Not every source agrees'));
    expect(doubt?.text).toContain('A geologist was skeptical');
  });
});

/** An evidence sentence of one outlet, as the answer reader sees it (relevance 0.9, all of the claim). */
const sentence = (text: string, outlet: string) =>
  ({
    sentence: { text, passageId: `${outlet}:0`, ordinal: 0 },
    article: { id: outlet, source: outlet, outlet, url: `https://${outlet}.example/a` },
    relevance: 0.9,
    coverage: 1,
    restatesClaim: false,
    negated: false,
  }) as unknown as Evidence;

describe('an answer is not a word of the question', () => {
  const evidence = [
    sentence('ISIS militants beheaded American journalist James Foley in Syria.', 'one'),
    sentence('The video shows ISIS killing James Foley.', 'two'),
  ];

  it('leaves out a name the question holds, even typed in lower case', () => {
    const found = answerQuestion('name', evidence, [], undefined, [], 'which journalist did isis behead');
    const values = found.parts.map((part) => part.value);
    expect(values).toContain('James Foley');
    expect(values).not.toContain('ISIS');
    // Without the question's words, "ISIS" is read as an answer (the names the question gives are none here).
    expect(answerQuestion('name', evidence, []).parts.map((part) => part.value)).toContain('ISIS');
  });
});

describe('a question that asks who is answered with people', () => {
  const question = 'which journalist did isis behead';

  it('puts a place or a group under the people, however many outlets name it', () => {
    const evidence = [
      sentence('Militants in Iraq and Syria beheaded journalist James Foley.', 'one'),
      sentence('The Islamic State said it acted in Iraq.', 'two'),
      sentence('Fighters of the Islamic State in Iraq were blamed.', 'three'),
      sentence('Iraq condemned the killing, the Islamic State was defiant.', 'four'),
      // A run that opens a sentence with its article: "The London" is London.
      sentence('The London rapper is a suspect, police in London said.', 'seven'),
      // A dateline's credit, in capitals, names no person.
      sentence('MOSUL (ACME WIRE) Footage of the killing spread.', 'five'),
      sentence('Later, ACME WIRE said the footage was real.', 'six'),
    ];
    const found = answerQuestion('person', evidence, [], undefined, [], question);
    expect(found.parts.map((part) => part.value)).toEqual(['James Foley']);
    // Read as any name, the place most outlets give comes first.
    expect(answerQuestion('name', evidence, [], undefined, [], question).parts[0]!.value).toBe('Iraq');
  });

  it('reads a capitalised adjective opening a sentence, or a contraction, as no name ("An Islamic radical group", "I’m")', () => {
    const evidence = [
      sentence('An Islamic radical group released a video of James Foley.', 'one'),
      sentence('Islamic militants posted the video of James Foley.', 'two'),
      sentence('“I’m back,” the fighter said in the video of James Foley.', 'three'),
    ];
    const values = answerQuestion('name', evidence, [], undefined, [], question).parts.map(
      (part) => part.value,
    );
    expect(values).toEqual(['James Foley']);
  });

  it('counts one person named in several forms once, with every outlet that names them', () => {
    const evidence = [
      sentence('The group killed U.S. journalist James Wright Foley.', 'one'),
      sentence('A video showed the killing of James Foley.', 'two'),
      sentence('Mr Foley had been held since 2012.', 'three'),
      sentence('Steven Sotloff, another journalist, was shown at the end.', 'four'),
    ];
    const found = answerQuestion('person', evidence, [], undefined, [], question);
    expect(found.parts[0]).toMatchObject({ value: 'James Wright Foley', outlets: 3 });
    expect(found.parts.map((part) => part.value)).toEqual(['James Wright Foley', 'Steven Sotloff']);
  });

  it('keeps a short form apart when it fits two people', () => {
    const evidence = [
      sentence('James Foley was killed.', 'one'),
      sentence('Tom Foley was not.', 'two'),
      sentence('Foley was a reporter.', 'three'),
    ];
    const parts = answerQuestion('person', evidence, [], undefined, [], question).parts;
    expect(parts.find((part) => part.value === 'James Foley')?.outlets).toBe(1);
    expect(parts.find((part) => part.value === 'Tom Foley')?.outlets).toBe(1);
    expect(parts.map((part) => part.value)).toContain('Foley');
  });
});

describe('a question that asks how old is answered with an age', () => {
  it('gives the age before a span of time more outlets state', () => {
    const evidence = [
      sentence('Sotloff, 31, disappeared in Syria in August 2013.', 'one'),
      sentence('The video of Sotloff appeared two weeks after the first one.', 'two'),
      sentence('Sotloff was killed two weeks after Foley.', 'three'),
      sentence('The family of Sotloff spoke two weeks ago.', 'four'),
    ];
    const found = answerQuestion('number', evidence, ['Sotloff'], undefined, [], 'How old was Sotloff?');
    expect(found.parts[0]!.value).toBe('31');
    // Asked for a count of time, the span comes first.
    const long = answerQuestion('number', evidence, ['Sotloff'], undefined, [], 'How long was Sotloff held?');
    expect(long.parts[0]!.value).toBe('two weeks');
  });
});
