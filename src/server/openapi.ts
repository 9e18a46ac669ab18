/** The OpenAPI 3.1 description of Verity's HTTP API, served at /openapi.json and kept in docs/openapi.json. */
const error = { $ref: '#/components/schemas/Error' };
const jsonError = (description: string) => ({
  description,
  content: { 'application/json': { schema: error } },
});

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Verity HTTP API',
    version: '0.1.0',
    description:
      'Check claims about the news against a corpus of reporting; every report sentence cites stored passages.',
  },
  paths: {
    '/api/checks': {
      post: {
        summary: 'Run a check and store it',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['question'],
                properties: {
                  question: { type: 'string', minLength: 3, maxLength: 500 },
                  asOf: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
                  llm: {
                    description:
                      "Language-model roles for this check (default: the server's VERITY_LLM_ROLES); needs a model configured on the server (docs/language-models.md).",
                    oneOf: [
                      { type: 'array', items: { type: 'string', enum: ['writer', 'judge', 'planner'] } },
                      { type: 'string', enum: ['off', 'all'] },
                    ],
                  },
                },
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The stored check',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    id: { type: 'string' },
                    url: { type: 'string' },
                    report: { $ref: 'report.schema.json' },
                  },
                },
              },
            },
          },
          '400': jsonError('The body is not valid (what was wrong is in the message)'),
          '413': jsonError('The body is too large'),
          '429': jsonError('Too many requests from this client (Retry-After says when to try again)'),
          '503': jsonError(
            'As many checks running and waiting as the server holds (Retry-After says when to try again)',
          ),
        },
      },
    },
    '/api/checks/{id}': {
      get: {
        summary: 'A stored check, in any format',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          {
            name: 'format',
            in: 'query',
            schema: { enum: ['json', 'markdown', 'html', 'claimreview'], default: 'json' },
          },
        ],
        responses: {
          '200': { description: 'The report (marked "may be outdated" when the corpus has moved on)' },
          '404': jsonError('No such check'),
        },
      },
    },
    '/api/search': {
      get: {
        summary: 'Passages matching a query (BM25)',
        parameters: [
          { name: 'q', in: 'query', required: true, schema: { type: 'string' } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50, default: 10 } },
        ],
        responses: {
          '200': { description: 'Ranked passages with their articles' },
          '400': jsonError('Missing query'),
        },
      },
    },
    '/api/sources/{id}': {
      get: {
        summary: 'A stored article (source) by id',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': { description: 'The article with its metadata and text' },
          '404': jsonError('No such source'),
        },
      },
    },
    '/api/ingest': {
      post: {
        summary: 'Ingest URLs or uploaded files (needs the bearer token from the configuration)',
        security: [{ bearer: [] }],
        requestBody: {
          content: {
            'application/json': {
              schema: { type: 'object', properties: { urls: { type: 'array', items: { type: 'string' } } } },
            },
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } },
              },
            },
          },
        },
        responses: {
          '200': { description: 'Ingest summary: added, updated, skipped, failed with reasons' },
          '401': jsonError('Missing or wrong token'),
          '503': jsonError('Ingest is disabled: no token is configured'),
        },
      },
    },
    '/healthz': { get: { summary: 'Liveness and corpus size', responses: { '200': { description: 'OK' } } } },
    '/metrics': {
      get: { summary: 'Prometheus metrics (text format)', responses: { '200': { description: 'Metrics' } } },
    },
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: { code: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
} as const;
