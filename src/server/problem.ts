import type { Context } from 'hono';

/** A JSON error that says what was wrong and what to do: {"error": {"code", "message"}}. */
export function problem(
  context: Context,
  status: 400 | 401 | 404 | 413 | 503,
  code: string,
  message: string,
) {
  return context.json({ error: { code, message } }, status);
}
