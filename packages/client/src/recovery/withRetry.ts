import { getClient } from "../core/hub.js";
import { linkedEvents, reportFor, setOutcome, type Failure, type HelperCapture } from "./buildReport.js";
import { adoptReport, deferReport } from "./pendingReports.js";

export type BackoffStrategy = "exponential" | "linear" | "fixed";

export interface RetryOptions extends HelperCapture {
  /** Attempts in all, the first included (default 3). */
  attempts?: number;
  /**
   * Wait between attempts: a strategy over `delayMs` ("exponential", the default: 200, 400, 800 ms…),
   * a fixed number of ms, or a function of the attempt that failed (1-based) and its error.
   */
  backoff?: BackoffStrategy | number | ((attempt: number, error: unknown) => number);
  /** Base wait for the strategies, in ms (default 200). */
  delayMs?: number;
  /** Longest wait, in ms (default 30000). */
  maxDelayMs?: number;
  /** Random ±25 % on each wait, so many clients do not retry in step (default true). */
  jitter?: boolean;
  /** Whether an error is worth another attempt (default: every error). */
  retryIf?: (error: unknown, attempt: number) => boolean;
  /** Called before each wait. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  /** Stops retrying (the last error is thrown). */
  signal?: AbortSignal;
}

/**
 * Calls `fn` until it succeeds or `attempts` are used up. Nothing is reported when the first
 * attempt succeeds. Otherwise the first failure is reported once, with the outcome:
 * `recovery: {recovered, method: "retry", durationMs (first failure → success or giving up),
 * automatic: true}` and `metadata.retry.attempts`; every later failed attempt is reported linked to
 * it (`parentEventId`). On giving up, the last error is thrown (and a helper around this one may
 * still recover it: see docs/client.md, "Nesting helpers").
 */
export async function withRetry<T>(fn: (attempt: number) => T | Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, Math.floor(options.attempts ?? 3));
  const failures: Failure[] = [];
  for (let attempt = 1; ; attempt++) {
    try {
      const value = await fn(attempt);
      if (failures.length) report(failures, true, attempt, attempts, options);
      return value;
    } catch (error) {
      failures.push({ error, at: Date.now(), adopted: adoptReport(error) });
      const giveUp = attempt >= attempts || options.signal?.aborted || (options.retryIf && !options.retryIf(error, attempt));
      if (giveUp) {
        report(failures, false, attempt, attempts, options, error);
        throw error;
      }
      const delay = delayFor(attempt, error, options);
      options.onRetry?.(error, attempt, delay);
      await sleep(delay, options.signal);
    }
  }
}

function report(failures: Failure[], recovered: boolean, attemptsMade: number, maxAttempts: number, options: RetryOptions, thrown?: unknown): void {
  const client = getClient();
  const counted = failures.filter((f) => f.adopted?.kind !== "suppressed");
  if (!client || counted.length === 0) return;
  const retry = { attempts: attemptsMade, maxAttempts, failures: failures.length };
  const head = reportFor(client, counted[0], options, { retry: { ...retry, attempt: failures.indexOf(counted[0]) + 1 } });
  const headId = head.events[0].eventId;
  counted.slice(1).forEach((failure) => {
    head.events.push(...linkedEvents(client, failure, headId, options, { retry: { attempt: failures.indexOf(failure) + 1 } }));
  });
  setOutcome(head, { recovered, method: "retry", automatic: true }, Date.now());
  if (recovered) client.submit(head.events);
  else deferReport(client, thrown, head);
}

function delayFor(attempt: number, error: unknown, options: RetryOptions): number {
  const base = options.delayMs ?? 200;
  const max = options.maxDelayMs ?? 30_000;
  const backoff = options.backoff ?? "exponential";
  let ms: number;
  if (typeof backoff === "function") ms = backoff(attempt, error);
  else if (typeof backoff === "number") ms = backoff;
  else if (backoff === "fixed") ms = base;
  else if (backoff === "linear") ms = base * attempt;
  else ms = base * 2 ** (attempt - 1);
  ms = Math.min(max, Math.max(0, Number.isFinite(ms) ? ms : 0));
  if (options.jitter !== false && typeof backoff !== "function") ms *= 0.75 + Math.random() * 0.5;
  return Math.round(ms);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
