import type { CitedSentence, Evidence, ReportSource, StoredArticle } from '../types.js';

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

  sentence(text: string, items: Array<Pick<Evidence, 'article' | 'passage'>>): CitedSentence {
    return { text, citations: this.cite(items) };
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
