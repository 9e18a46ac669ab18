import { emptyUsage, type LlmUsage } from '../llm/account-language-model.js';

/** Counters and a latency sum for Prometheus' text format (GET /metrics). */
export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly llm: LlmUsage = emptyUsage();
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

  /** Adds one check's language-model use to the per-role counters. */
  observeLlm(usage: LlmUsage): void {
    for (const [role, row] of Object.entries(usage) as Array<[keyof LlmUsage, LlmUsage[keyof LlmUsage]]>) {
      const total = this.llm[role];
      total.calls += row.calls;
      total.cacheHits += row.cacheHits;
      total.promptTokens += row.promptTokens;
      total.completionTokens += row.completionTokens;
      total.ms += row.ms;
    }
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
      '# HELP verity_llm_calls_total Language-model calls by role (cache hits included).',
      '# TYPE verity_llm_calls_total counter',
      ...this.perRole('verity_llm_calls_total', (row) => row.calls),
      '# HELP verity_llm_cache_hits_total Language-model calls answered from the prompt cache, by role.',
      '# TYPE verity_llm_cache_hits_total counter',
      ...this.perRole('verity_llm_cache_hits_total', (row) => row.cacheHits),
      '# HELP verity_llm_tokens_total Language-model tokens by role and kind (prompt, completion).',
      '# TYPE verity_llm_tokens_total counter',
      ...Object.entries(this.llm).flatMap(([role, row]) => [
        `verity_llm_tokens_total{role="${role}",kind="prompt"} ${row.promptTokens}`,
        `verity_llm_tokens_total{role="${role}",kind="completion"} ${row.completionTokens}`,
      ]),
      '# HELP verity_llm_seconds_total Time spent waiting on the language model, by role.',
      '# TYPE verity_llm_seconds_total counter',
      ...this.perRole('verity_llm_seconds_total', (row) => row.ms / 1000),
    ];
    return `${lines.join('\n')}\n`;
  }

  private perRole(name: string, value: (row: LlmUsage[keyof LlmUsage]) => number): string[] {
    return Object.entries(this.llm).map(([role, row]) => `${name}{role="${role}"} ${value(row)}`);
  }
}
