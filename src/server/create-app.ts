import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { HTTPException } from 'hono/http-exception';
import { timeout } from 'hono/timeout';
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
import { boundedRunner, type CheckRunner, inProcessRunner, ServerBusyError } from './check-runner.js';
import { checkContextFor, runCheckTask } from './check-task.js';

export interface AppOptions {
  store: Store;
  config: VerityConfig;
  /** Injected clock for checks and stored timestamps. */
  now?: () => Date;
  /** The language model for checks that ask for one. Default: the configured one (`createLanguageModel`), else none. */
  languageModel?: LanguageModel | null;
  /**
   * Where checks without a language model run: a worker pool (`createCheckPool`, as `verity serve`
   * does) or, by default, this thread. Checks with a language model run on this thread, where the
   * model lives, and mostly wait on it.
   */
  checks?: CheckRunner;
}

/**
 * The HTTP API and the reader's web page, as a Hono app: a thin shell over the same library
 * functions the CLI calls (checkClaim, storeCheck, ingestSources), with limits at the edge.
 */
export function createApp(options: AppOptions): Hono {
  const { store, config } = options;
  const now = options.now ?? (() => new Date());
  const checkContext = checkContextFor(config, store);
  // One bound over every check, wherever it runs: past it, 503 with Retry-After.
  const checks = boundedRunner(options.checks ?? inProcessRunner(checkContext), config.checkQueue);
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
    if (error instanceof ServerBusyError) {
      context.header('Retry-After', String(error.retryAfterSeconds));
      return problem(context, 503, 'busy', error.message);
    }
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
    const task = { question, asOf, now: now().toISOString() };
    const { report, seconds } =
      roles.length > 0 && languageModel
        ? await runCheckTask(checkContext, task, { model: languageModel, roles })
        : await checks.run(task);
    metrics.observeCheck(seconds);
    if (report.llm) metrics.observeLlm(report.llm.usage);
    return storeCheck(store, report, now());
  };

  registerApiRoutes(app, { store, config, metrics, runCheck, now });
  registerPageRoutes(app, { store, pageOptions, runCheck });
  return app;
}
