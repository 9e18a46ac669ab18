/** Counters and a latency sum for Prometheus' text format (GET /metrics). */
export class Metrics {
  private readonly requests = new Map<string, number>();
  private checkSeconds = 0;
  private checkCount = 0;

  countRequest(route: string, status: number): void {
    const key = `route="${route}",status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
  }

  observeCheck(seconds: number): void {
    this.checkSeconds += seconds;
    this.checkCount++;
  }

  render(corpus: { articles: number; passages: number }): string {
    const lines = [
      '# HELP verity_http_requests_total HTTP requests by route and status.',
      '# TYPE verity_http_requests_total counter',
      ...[...this.requests.entries()]
        .sort()
        .map(([labels, count]) => `verity_http_requests_total{${labels}} ${count}`),
      '# HELP verity_check_duration_seconds Time spent running checks.',
      '# TYPE verity_check_duration_seconds summary',
      `verity_check_duration_seconds_sum ${this.checkSeconds.toFixed(6)}`,
      `verity_check_duration_seconds_count ${this.checkCount}`,
      '# HELP verity_corpus_articles Current articles in the corpus.',
      '# TYPE verity_corpus_articles gauge',
      `verity_corpus_articles ${corpus.articles}`,
      '# HELP verity_corpus_passages Current passages in the corpus.',
      '# TYPE verity_corpus_passages gauge',
      `verity_corpus_passages ${corpus.passages}`,
    ];
    return `${lines.join('\n')}\n`;
  }
}
