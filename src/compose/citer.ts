import type { CitedSentence, Evidence, ReportSource, StoredArticle } from '../types.js';
import { quote } from './describe-source.js';

/**
 * Numbers sources in the order the report first cites them and records the exact passages cited,
 * so that every `[n]` resolves to stored text. Citations are attached from evidence, never made up.
 */
export class Citer {
  private readonly sources = new Map<string, ReportSource>();

  cite(items: Array<Pick<Evidence, 'article' | 'passage'>>): number[] {
    const numbers = items.map((item) => this.sourceFor(item.article, item.passage.id, item.passage.text).n);
    return [...new Set(numbers)].sort((a, b) => a - b);
  }

  /** A report sentence citing `items`; stored sentences it quotes verbatim are listed in `quotes`. */
  sentence(
    text: string,
    items: Array<Pick<Evidence, 'article' | 'passage'> & Partial<Pick<Evidence, 'sentence'>>>,
  ): CitedSentence {
    const quotes = [
      ...new Set(
        items
          .filter((item) => item.sentence && text.includes(quote(item.sentence.text)))
          .map((item) => item.sentence!.text),
      ),
    ];
    return quotes.length > 0
      ? { text, citations: this.cite(items), quotes }
      : { text, citations: this.cite(items) };
  }

  list(): ReportSource[] {
    return [...this.sources.values()].sort((a, b) => a.n - b.n);
  }

  private sourceFor(article: StoredArticle, passageId: string, passageText: string): ReportSource {
    let source = this.sources.get(article.id);
    if (!source) {
      source = {
        n: this.sources.size + 1,
        articleId: article.id,
        title: article.title,
        outlet: article.outlet,
        author: article.authors.length > 0 ? article.authors.join(', ') : null,
        published: article.published,
        url: article.url,
        role: 'independent',
        repeats: null,
        passages: [],
      };
      this.sources.set(article.id, source);
    }
    if (!source.passages.some((passage) => passage.id === passageId)) {
      source.passages.push({ id: passageId, text: passageText });
    }
    return source;
  }
}
