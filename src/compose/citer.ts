import type { CitedSentence, Evidence, ReportSource, ArticleInfo } from '../types.js';
import { attributeSentence } from '../assess/attribute-sentence.js';
import { quote } from './describe-source.js';

/**
 * Numbers sources in the order the report first cites them and records the exact passages cited,
 * so that every `[n]` resolves to stored text. Citations are attached from evidence, never made up.
 */
export class Citer {
  private readonly sources = new Map<string, ReportSource>();

  /** `creditedOutlets`: article id → the outlet it credits ("the Washington Post reported"), if any. */
  constructor(private readonly creditedOutlets: ReadonlyMap<string, string> = new Map()) {}

  cite(items: Array<Pick<Evidence, 'article' | 'passage'> & Partial<Pick<Evidence, 'sentence'>>>): number[] {
    const numbers = items.map(
      (item) => this.sourceFor(item.article, item.passage.id, item.passage.text, item.sentence?.text).n,
    );
    return [...new Set(numbers)].sort((a, b) => a - b);
  }

  /** A report sentence citing `items`; stored sentences it quotes verbatim are listed in `quotes`. */
  sentence(
    raw: string,
    items: Array<Pick<Evidence, 'article' | 'passage'> & Partial<Pick<Evidence, 'sentence'>>>,
  ): CitedSentence {
    // A template that opens with a source's description opens with its article ("An article by …").
    const text = raw.replace(
      /^(?:an?|the) /,
      (opening) => opening.charAt(0).toUpperCase() + opening.slice(1),
    );
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

  private sourceFor(
    article: ArticleInfo,
    passageId: string,
    passageText: string,
    sentence?: string,
  ): ReportSource {
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
    let passage = source.passages.find((cited) => cited.id === passageId);
    if (!passage) {
      passage = { id: passageId, text: passageText, sentences: [] };
      source.passages.push(passage);
    }
    // Who says each cited sentence: a named person, an outlet, an anonymous source, the article.
    if (sentence && !passage.sentences!.some((cited) => cited.text === sentence))
      passage.sentences!.push({
        text: sentence,
        attribution: attributeSentence(sentence, this.creditedOutlets.get(article.id) ?? null),
      });
    return source;
  }
}
