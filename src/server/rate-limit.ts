import type { MiddlewareHandler } from 'hono';

export interface RateLimitOptions {
  /** Requests allowed per client in one window. */
  limit: number;
  /** Window length in milliseconds. */
  windowMs: number;
  /** Identifies the client (its address). */
  clientKey: (context: Parameters<MiddlewareHandler>[0]) => string;
  now?: () => number;
}

/** A fixed-window limiter per client: past the limit, 429 with Retry-After until the window turns. */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const now = options.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  return async (context, next) => {
    const key = options.clientKey(context);
    const time = now();
    let window = windows.get(key);
    if (!window || time - window.start >= options.windowMs) {
      window = { start: time, count: 0 };
      windows.set(key, window);
      if (windows.size > 10_000)
        for (const [other, value] of windows)
          if (time - value.start >= options.windowMs) windows.delete(other);
    }
    window.count++;
    context.header('RateLimit-Limit', String(options.limit));
    context.header('RateLimit-Remaining', String(Math.max(0, options.limit - window.count)));
    if (window.count > options.limit) {
      const retry = Math.ceil((window.start + options.windowMs - time) / 1000);
      context.header('Retry-After', String(retry));
      return context.json(
        {
          error: {
            code: 'rate_limited',
            message: `Too many requests from this client; try again in ${retry} s.`,
          },
        },
        429,
      );
    }
    await next();
  };
}
