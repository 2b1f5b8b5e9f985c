export interface RetryDelayOptions {
  /** 0 for the first retry. */
  readonly retry: number;
  /** Response headers of the failed attempt, if the server answered. */
  readonly headers: Headers | undefined;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** A number in [0, 1). */
  readonly random: () => number;
}

/**
 * How long to wait before the next attempt: what the server asked for (`retry-after-ms`, then
 * `Retry-After` in seconds or as an HTTP date), else exponential backoff with full jitter;
 * either way at most `maxDelayMs`.
 */
export function retryDelay(options: RetryDelayOptions): number {
  const requested = serverRequestedDelay(options.headers);
  const delay =
    requested ?? options.random() * Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** options.retry);
  return Math.max(0, Math.min(options.maxDelayMs, delay));
}

/** The wait a response asks for, in ms, or undefined when it names none (or nonsense). */
export function serverRequestedDelay(
  headers: Headers | undefined,
  now: number = Date.now(),
): number | undefined {
  const milliseconds = headers?.get("retry-after-ms");
  if (milliseconds != null && milliseconds.trim() !== "") {
    const value = Number(milliseconds);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const retryAfter = headers?.get("retry-after")?.trim();
  if (!retryAfter) return undefined;
  if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number(retryAfter) * 1000;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
