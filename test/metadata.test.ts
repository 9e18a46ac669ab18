import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { cleanAuthors } from '../src/extract/clean-authors.js';
import { cleanTitle, stripSiteName } from '../src/extract/clean-title.js';
import { datelineOf } from '../src/extract/dateline.js';
import { extractHtml } from '../src/extract/extract-html.js';
import { nextPageUrl } from '../src/extract/next-page-url.js';
import { parseDate } from '../src/extract/parse-date.js';
import { visibleDates } from '../src/extract/visible-dates.js';

describe('metadata helpers', () => {
  it('cleans bylines into author lists', () => {
    expect(cleanAuthors('By Jane Doe and John Roe, Staff Writers')).toEqual(['Jane Doe', 'John Roe']);
    expect(cleanAuthors('Posted on September 21, 2020  by Adi Tzlil')).toEqual(['Adi Tzlil']);
    expect(cleanAuthors('Author: Bo2man am 29.12.2010, 13:36 Uhr')).toEqual(['Bo2man']);
    expect(cleanAuthors('Serdar Dincel  | 19.10.2025 - Update : 19.10.2025')).toEqual(['Serdar Dincel']);
    expect(cleanAuthors('April 28, 2019 at 6:01 am Updated April 29, 2019')).toEqual([]);
  });

  it('strips site names and picks the headline most sources agree on', () => {
    expect(
      stripSiteName('Losing face: 6,000 surgical masks stolen from Kobe hospital | The Japan Times', null),
    ).toBe('Losing face: 6,000 surgical masks stolen from Kobe hospital');
    expect(stripSiteName('Rubio agreed to compromise US informants: Report', null)).toBe(
      'Rubio agreed to compromise US informants: Report',
    );
    expect(
      cleanTitle(
        [
          'Wikimedia list article',
          'List of films featuring time loops - Wikipedia',
          'List of films featuring time loops',
        ],
        null,
      ),
    ).toBe('List of films featuring time loops');
    expect(cleanTitle(['Record of The Week: Luboku, &#8216;Pale Blue Dot&#8217;'], null)).toBe(
      'Record of The Week: Luboku, ‘Pale Blue Dot’',
    );
  });

  it('reads dates as pages print them, and datelines', () => {
    expect(parseDate('19.10.2025')).toBe('2025-10-19');
    expect(parseDate('October 19, 2025')).toBe('2025-10-19');
    expect(parseDate('Sun, 19 Oct 2025 10:00:00 GMT')).toBe('2025-10-19T10:00:00.000Z');
    const { document } = parseHTML(
      '<html><body><div class="article-date">19.10.2025 - Update : 21.10.2025</div></body></html>',
    );
    expect(visibleDates(document as unknown as Document)).toEqual({
      published: '2025-10-19',
      updated: '2025-10-21',
    });
    expect(datelineOf('LONDON — After nearly 20 years of hostile relations')).toBe('LONDON');
    expect(datelineOf('WASHINGTON (Reuters) - The Senate voted')).toBe('WASHINGTON');
    expect(datelineOf('The Senate voted on Monday')).toBeNull();
  });

  it('takes a live blog body from its JSON-LD updates', () => {
    const ld = {
      '@type': 'LiveBlogPosting',
      headline: 'Election night live',
      liveBlogUpdate: [
        {
          headline: 'Polls close',
          articleBody: 'Polls closed at 8pm across the state and counting began in every district at once.',
        },
        {
          headline: 'First results',
          articleBody:
            'The first results came from the northern districts, where turnout was the highest in twenty years.',
        },
      ],
    };
    const html = `<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><h1>Election night live</h1><div>Loading…</div></body></html>`;
    const article = extractHtml(html);
    expect(article.text).toContain('Polls closed at 8pm');
    expect(article.text).toContain('The first results came from the northern districts');
  });

  it('follows rel=next only to further pages of the same article', () => {
    const page = (href: string) => `<html><head><link rel="next" href="${href}"></head><body></body></html>`;
    expect(nextPageUrl(page('/story/42?page=2'), 'https://news.test/story/42')).toBe(
      'https://news.test/story/42?page=2',
    );
    expect(nextPageUrl(page('/2019/05/quay-opens/2/'), 'https://news.test/2019/05/quay-opens/')).toBe(
      'https://news.test/2019/05/quay-opens/2/',
    );
    expect(nextPageUrl(page('/news?page=2'), 'https://news.test/news/quay-opens')).toBeNull();
    expect(nextPageUrl(page('https://other.test/story/42?page=2'), 'https://news.test/story/42')).toBeNull();
  });
});
