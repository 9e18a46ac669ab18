import { createHash, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { analyzeClaim } from '../assess/analyze-claim.js';
import { withStatus } from '../checks/store-check.js';
import type { VerityConfig } from '../config.js';
import { fetcherFor } from '../ingest/http-fetcher.js';
import { ingestSources, itemLimitsOf } from '../ingest/ingest-sources.js';
import { extractorFor } from '../extract/extraction-pool.js';
import { renderReport, REPORT_FORMATS } from '../render/render-report.js';
import type { Store, StoredCheck } from '../store/store.js';
import type { Metrics } from './metrics.js';
import { OPENAPI } from './openapi.js';
import { problem } from './problem.js';
import { type LlmRole, parseRoles } from '../llm/language-model.js';

const CONTENT_TYPES: Record<string, string> = {
  markdown: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  claimreview: 'application/ld+json; charset=utf-8',
};

export interface ApiDeps {
  store: Store;
  config: VerityConfig;
  metrics: Metrics;
  runCheck: (question: string, asOf?: string, roles?: readonly LlmRole[]) => Promise<StoredCheck>;
  now: () => Date;
}

/** Compares a presented secret with the expected one in time that does not depend on where they differ. */
function sameSecret(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/** The JSON API: checks, search, sources, token-guarded ingest, health, metrics, OpenAPI. */
export function registerApiRoutes(app: Hono, { store, config, metrics, runCheck, now }: ApiDeps): void {
  app.post('/api/checks', async (context) => {
    let body: unknown;
    try {
      body = await context.req.json();
    } catch {
      return problem(
        context,
        400,
        'invalid_json',
        'The body must be JSON like {"question": "Did X do Y?", "asOf": "2025-11-14"}.',
      );
    }
    const { question, asOf, llm } = (body ?? {}) as { question?: unknown; asOf?: unknown; llm?: unknown };
    if (typeof question !== 'string' || question.trim().length < 3 || question.length > 500) {
      return problem(context, 400, 'invalid_question', '"question" must be a string of 3 to 500 characters.');
    }
    if (asOf !== undefined && (typeof asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(asOf))) {
      return problem(context, 400, 'invalid_as_of', '"asOf" must be a date like "2025-11-14".');
    }
    let roles: LlmRole[] | undefined;
    if (llm !== undefined) {
      const named = Array.isArray(llm) && llm.every((role) => typeof role === 'string') ? llm.join(',') : llm;
      try {
        if (typeof named !== 'string') throw new Error('not a list');
        roles = parseRoles(named);
      } catch {
        return problem(
          context,
          400,
          'invalid_llm',
          '"llm" must list language-model roles, e.g. ["writer", "judge", "planner"], or be "off".',
        );
      }
    }
    const check = await runCheck(question, asOf as string | undefined, roles);
    return context.json({ id: check.id, url: `/checks/${check.id}`, report: check.report }, 201);
  });

  app.get('/api/checks/:id', async (context) => {
    const check = await store.getCheck(context.req.param('id'));
    if (!check)
      return problem(context, 404, 'not_found', `No stored check has the id ${context.req.param('id')}.`);
    const format = context.req.query('format') ?? 'json';
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
      return problem(context, 400, 'invalid_format', `format must be one of ${REPORT_FORMATS.join(', ')}.`);
    }
    return context.body(renderReport(await withStatus(check, store), format), 200, {
      'content-type': CONTENT_TYPES[format]!,
    });
  });

  app.get('/api/search', async (context) => {
    const query = context.req.query('q')?.trim();
    if (!query) return problem(context, 400, 'missing_query', 'Give a query: /api/search?q=words');
    const limit = Math.min(50, Math.max(1, Number(context.req.query('limit') ?? 10) || 10));
    const hits = await store.searchPassages({ terms: analyzeClaim(query).terms, limit });
    return context.json({
      query,
      results: hits.map((hit) => ({
        passage: hit.passage,
        score: hit.score,
        article: {
          id: hit.article.id,
          title: hit.article.title,
          outlet: hit.article.outlet,
          published: hit.article.published,
          url: hit.article.url,
        },
      })),
    });
  });

  app.get('/api/sources/:id', async (context) => {
    const article = await store.getArticle(context.req.param('id'));
    return article
      ? context.json(article)
      : problem(context, 404, 'not_found', `No stored source has the id ${context.req.param('id')}.`);
  });

  app.post(
    '/api/ingest',
    bodyLimit({
      maxSize: config.maxFileBytes * 5,
      onError: (context) => problem(context, 413, 'too_large', 'The upload is too large.'),
    }),
    async (context) => {
      if (!config.ingestToken)
        return problem(
          context,
          503,
          'ingest_disabled',
          'Ingest over HTTP is off: start the server with VERITY_INGEST_TOKEN set.',
        );
      if (!sameSecret(context.req.header('authorization') ?? '', `Bearer ${config.ingestToken}`)) {
        return problem(
          context,
          401,
          'unauthorized',
          'Send the ingest token as "Authorization: Bearer <token>".',
        );
      }
      const fetcher = fetcherFor(config);
      const contentType = context.req.header('content-type') ?? '';
      const sources: string[] = [];
      let uploadDir: string | null = null;
      if (contentType.startsWith('multipart/form-data')) {
        uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-upload-'));
        const form = await context.req.parseBody({ all: true });
        const files = [form.files ?? form.file]
          .flat()
          .filter((value): value is File => value instanceof File);
        for (const file of files) {
          const target = path.join(uploadDir, path.basename(file.name) || 'upload.html');
          fs.writeFileSync(target, Buffer.from(await file.arrayBuffer()));
          sources.push(target);
        }
      } else {
        const body = (await context.req.json().catch(() => null)) as { urls?: unknown } | null;
        if (
          !body ||
          !Array.isArray(body.urls) ||
          !body.urls.every((url) => typeof url === 'string' && /^https?:\/\//.test(url))
        ) {
          return problem(
            context,
            400,
            'invalid_body',
            'Send {"urls": ["https://…"]} as JSON, or files as multipart/form-data.',
          );
        }
        sources.push(...(body.urls as string[]));
      }
      if (sources.length === 0)
        return problem(context, 400, 'nothing_to_ingest', 'No URLs or files were sent.');
      // Pages are extracted on threads of their own with a deadline: a hostile upload fails alone
      // and never holds the server's event loop (the threads go when the request is answered).
      const extractor = extractorFor({ ...config, extractThreads: Math.max(1, config.extractThreads) });
      try {
        const summary = await ingestSources(sources, {
          store,
          maxFileBytes: config.maxFileBytes,
          fetcher,
          now,
          extractor,
          ...itemLimitsOf(config),
        });
        return context.json(summary);
      } finally {
        await extractor.close();
        if (uploadDir) fs.rmSync(uploadDir, { recursive: true, force: true });
      }
    },
  );

  app.get('/healthz', async (context) => context.json({ ok: true, corpus: await store.corpusState() }));
  app.get('/metrics', async (context) =>
    context.body(metrics.render(await store.corpusState()), 200, {
      'content-type': 'text/plain; version=0.0.4',
    }),
  );
  app.get('/openapi.json', (context) => context.json(OPENAPI));
}
