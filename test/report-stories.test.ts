import { describe, expect, it } from 'vitest';
import { isLowQuality, readLowQuality, readRubric, storyArticles } from '../scripts/lib/report-stories.js';
import { scoreReport, scoreText } from '../scripts/lib/score-report.js';
import type { Report } from '../src/types.js';
import { HAS_SHARED, SHARED } from './helpers/shared.js';

describe('the report acceptance set (npm run eval:reports)', () => {
  const rubric = readRubric();

  it('has a written rubric for every story: a question, what a right report says, key points', () => {
    expect(rubric.length).toBeGreaterThanOrEqual(7);
    expect(rubric.filter((story) => story.seed)).toHaveLength(1);
    for (const story of rubric) {
      expect(story.question.length).toBeGreaterThan(10);
      expect(story.points.length).toBeGreaterThanOrEqual(3);
      if (story.kind === 'claim') expect(story.verdicts!.length).toBeGreaterThan(0);
      else expect(story.answer).toBeTruthy();
      for (const point of story.points) expect(() => new RegExp(point.pattern, 'i')).not.toThrow();
    }
  });

  it('scores key points, the verdict or answer and the origin from the report text', () => {
    const story = {
      claimId: 'x',
      question: 'Who built the dam?',
      kind: 'question' as const,
      answer: 'okafor',
      origin: 'Riverton Gazette',
      points: [
        { point: 'names the builder', pattern: 'okafor' },
        { point: 'gives the cost', pattern: '\\$\\d' },
      ],
    };
    const score = scoreText(
      story,
      ['Maria Okafor built it.'],
      'answered',
      'The reporting names Maria Okafor.',
      ['Riverton Gazette'],
    );
    expect(score).toMatchObject({
      pointsMet: 1,
      points: 2,
      right: true,
      originRight: true,
      missed: ['gives the cost'],
    });
    expect(scoreText(story, [], 'answered', 'The reporting names Daniel Brandt.', []).right).toBe(false);
  });

  it('counts a report whose core reporting is a source the rubric calls low quality', () => {
    const lowQuality = readLowQuality();
    expect(lowQuality.rule.length).toBeGreaterThan(20);
    expect(isLowQuality(lowQuality, 'https://www.liveleak.com/view?i=1')).toBe(true);
    expect(isLowQuality(lowQuality, 'www.liveleak.com')).toBe(true);
    expect(isLowQuality(lowQuality, 'https://www.reuters.com/a')).toBe(false);
    const report = (url: string) =>
      ({
        verdict: { label: 'unsettled' },
        summary: [],
        sections: [
          { title: 'What the core reporting says', sentences: [{ text: 'It says so.', citations: [2] }] },
        ],
        bottomLine: [],
        provenance: { sources: 2, origins: [] },
        sources: [
          { n: 1, url: 'https://www.reuters.com/a', outlet: 'Reuters' },
          { n: 2, url, outlet: null },
        ],
      }) as unknown as Report;
    const story = rubric[0]!;
    expect(scoreReport(story, report('https://www.liveleak.com/view?i=1'), lowQuality).lowQualityCore).toBe(
      true,
    );
    expect(scoreReport(story, report('https://www.bbc.com/news/1'), lowQuality).lowQualityCore).toBe(false);
  });

  it.skipIf(!HAS_SHARED)('builds each story from ../shared, most bodies named by their outlet', () => {
    const articles = storyArticles(SHARED, rubric);
    for (const story of rubric.filter((entry) => !entry.seed)) {
      const list = articles.get(story.claimId)!;
      expect(list.length, story.question).toBeGreaterThanOrEqual(10);
      expect(new Set(list.flatMap((article) => article.outlet ?? [])).size).toBeGreaterThanOrEqual(5);
    }
    const all = [...articles.values()].flat();
    expect(new Set(all.map((article) => article.id)).size).toBe(all.length);
    expect(all.filter((article) => article.outlet).length / all.length).toBeGreaterThan(0.7);
  });
});
