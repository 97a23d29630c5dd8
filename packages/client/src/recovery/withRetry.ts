import { getClient } from "../core/hub.js";
import { numberOption } from "../core/options.js";
import { setLongTimeout } from "../core/timers.js";
import { linkedEvents, reportFor, setOutcome, type Failure, type HelperCapture } from "./buildReport.js";
import { debugLog } from "./debugLog.js";
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
  /**
   * Whether an error is worth another attempt (default: every error). An error it turns down on
   * the first attempt is rethrown unreported, as it was never retried.
   */
  retryIf?: (error: unknown, attempt: number) => boolean;
  /** Called before each wait. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  /**
   * Stops retrying: no attempt starts after it aborts (the last error is thrown; if it aborted
   * before the first attempt, `fn` is not called and the signal's reason is thrown).
   */
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
  const log = debugLog();
  const attempts = numberOption("withRetry attempts", options.attempts, { fallback: 3, min: 1, integer: true }, log);
  const { signal } = options;
  if (signal?.aborted) throw abortReason(signal);
  const failures: Failure[] = [];
  for (let attempt = 1; ; attempt++) {
    try {
      const value = await fn(attempt);
      if (failures.length) report(failures, true, attempt, attempts, options);
      return value;
    } catch (error) {
      const retryable = !options.retryIf || options.retryIf(error, attempt);
      // Turned down before any retry: not a failed recovery (withFallback's fallbackIf does the same).
      if (!retryable && failures.length === 0) throw error;
      failures.push({ error, at: Date.now(), adopted: adoptReport(error) });
      if (attempt >= attempts || signal?.aborted || !retryable) {
        report(failures, false, attempt, attempts, options, error);
        throw error;
      }
      const delay = delayFor(attempt, error, options, log);
      options.onRetry?.(error, attempt, delay);
      await sleep(delay, signal);
      // Aborted during the wait: no further attempt.
      if (signal?.aborted) {
        report(failures, false, attempt, attempts, options, error);
        throw error;
      }
    }
  }
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new Error("aborted");
}

function report(failures: Failure[], recovered: boolean, attemptsMade: number, maxAttempts: number, options: RetryOptions, thrown?: unknown): void {
  const client = getClient();
  const counted = failures.filter((f) => f.adopted?.kind !== "suppressed");
  if (!client || counted.length === 0) return;
  const retry = { attempts: attemptsMade, maxAttempts, failures: failures.length };
  const head = reportFor(client, counted[0], options, { retry: { ...retry, attempt: failures.indexOf(counted[0]) + 1 } });
  const headId = head.headEventId;
  counted.slice(1).forEach((failure) => {
    head.events.push(...linkedEvents(client, failure, headId, options, { retry: { attempt: failures.indexOf(failure) + 1 } }));
  });
  setOutcome(head, { recovered, method: "retry", automatic: true }, Date.now());
  if (recovered) client.submit(head.events);
  else deferReport(client, thrown, head);
}

function delayFor(attempt: number, error: unknown, options: RetryOptions, log?: (message: string) => void): number {
  const base = numberOption("withRetry delayMs", options.delayMs, { fallback: 200, min: 0 }, log);
  const max = numberOption("withRetry maxDelayMs", options.maxDelayMs, { fallback: 30_000, min: 0 }, log);
  const backoff = options.backoff ?? "exponential";
  let ms: number;
  if (typeof backoff === "function") ms = backoff(attempt, error);
  else if (typeof backoff === "number") ms = backoff;
  else if (backoff === "fixed") ms = base;
  else if (backoff === "linear") ms = base * attempt;
  else ms = base * 2 ** (attempt - 1);
  ms = Math.max(0, Number.isFinite(ms) ? ms : 0);
  if (options.jitter !== false && typeof backoff !== "function") ms *= 0.75 + Math.random() * 0.5;
  // The cap comes last, so jitter never takes a wait past maxDelayMs.
  return Math.round(Math.min(max, ms));
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setLongTimeout(done, ms);
    function done() {
      timer.cancel();
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
