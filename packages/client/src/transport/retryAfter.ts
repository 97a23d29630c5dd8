/** Longest wait a server may impose: beyond this, the client retries anyway (and may be told again). */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/**
 * Milliseconds to wait from a Retry-After header: delta-seconds ("120") or an HTTP date. Undefined
 * when absent or unreadable; capped at MAX_RETRY_AFTER_MS.
 */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.min(MAX_RETRY_AFTER_MS, Math.round(Number(text) * 1000));
  // An HTTP date names its day and month ("Wed, 21 Oct 2015 07:28:00 GMT"); "-5" is not one.
  if (!/[a-z]{3}/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, at - now));
}

/** Exponential backoff after `failures` consecutive failures: 1 s, 2 s, 4 s… up to maxMs, ±20 % jitter. */
export function backoffMs(failures: number, maxMs: number, random: () => number = Math.random): number {
  const base = Math.min(maxMs, 1000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}
