import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { HTTPException } from 'hono/http-exception';
import { timeout } from 'hono/timeout';
import { checkClaim } from '../check-claim.js';
import { configuredVectors } from '../retrieve/word-vectors.js';
import { loadSourcePolicy } from '../assess/source-quality.js';
import { storeCheck } from '../checks/store-check.js';
import type { VerityConfig } from '../config.js';
import { VerityError } from '../errors.js';
import type { Store } from '../store/store.js';
import { registerApiRoutes } from './api-routes.js';
import { Metrics } from './metrics.js';
import { problem } from './problem.js';
import { registerPageRoutes } from './page-routes.js';
import { rateLimit } from './rate-limit.js';
import { createLanguageModel } from '../llm/create-language-model.js';
import type { LanguageModel, LlmRole } from '../llm/language-model.js';

export interface AppOptions {
  store: Store;
  config: VerityConfig;
  /** Injected clock for checks and stored timestamps. */
  now?: () => Date;
  /** The language model for checks that ask for one. Default: the configured one (`createLanguageModel`), else none. */
  languageModel?: LanguageModel | null;
}

/**
 * The HTTP API and the reader's web page, as a Hono app: a thin shell over the same library
 * functions the CLI calls (checkClaim, storeCheck, ingestSources), with limits at the edge.
 */
export function createApp(options: AppOptions): Hono {
  const { store, config } = options;
  const now = options.now ?? (() => new Date());
  const vectors = configuredVectors(config);
  const sourcePolicy = config.sourcePolicy ? loadSourcePolicy(config.sourcePolicy) : undefined;
  const metrics = new Metrics();
  const languageModel =
    options.languageModel !== undefined
      ? options.languageModel
      : createLanguageModel(config, (line) => console.error(line));
  const pageOptions = { supporterGoal: config.supporterGoal };
  const app = new Hono();

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    }),
  );
  app.use('*', async (context, next) => {
    await next();
    metrics.countRequest(context.req.routePath, context.res.status);
  });
  app.use(
    '/api/*',
    rateLimit({
      limit: config.rateLimitPerMinute,
      windowMs: 60_000,
      clientKey: (context) => {
        try {
          return getConnInfo(context).remote.address ?? 'unknown';
        } catch {
          return 'unknown';
        }
      },
    }),
  );
  app.use(
    '/api/checks',
    bodyLimit({
      maxSize: 16 * 1024,
      onError: (context) =>
        problem(context, 413, 'too_large', 'The request body is over 16 KB; send {"question": "..."} only.'),
    }),
  );
  app.use(
    '/api/*',
    timeout(
      config.requestTimeoutMs,
      () =>
        new HTTPException(504, {
          message: `The request took longer than ${config.requestTimeoutMs} ms and was stopped.`,
        }),
    ),
  );

  app.onError((error, context) => {
    if (error instanceof HTTPException)
      return context.json({ error: { code: `http_${error.status}`, message: error.message } }, error.status);
    if (error instanceof VerityError) return problem(context, 400, 'bad_request', error.message);
    console.error(error);
    return context.json(
      { error: { code: 'internal', message: 'Something went wrong on the server; the error was logged.' } },
      500,
    );
  });
  app.notFound((context) =>
    problem(context, 404, 'not_found', `Nothing at ${context.req.path}; see /openapi.json for the API.`),
  );

  const runCheck = async (question: string, asOf?: string, roles: readonly LlmRole[] = config.llmRoles) => {
    if (roles.length > 0 && !languageModel)
      throw new VerityError(
        `The roles ${roles.join(', ')} need a language model, and this server has none: set VERITY_LLM_URL and VERITY_LLM_MODEL, or VERITY_LLM_GGUF (docs/language-models.md).`,
      );
    const started = performance.now();
    const report = await checkClaim(question, {
      store,
      asOf,
      methodUrl: '/method',
      now,
      vectors,
      sourcePolicy,
      llm: roles.length > 0 && languageModel ? { model: languageModel, roles } : undefined,
    });
    metrics.observeCheck((performance.now() - started) / 1000);
    if (report.llm) metrics.observeLlm(report.llm.usage);
    return storeCheck(store, report, now());
  };

  registerApiRoutes(app, { store, config, metrics, runCheck, now });
  registerPageRoutes(app, { store, pageOptions, runCheck });
  return app;
}
