import { getClient } from "../core/hub.js";
import { numberOption } from "../core/options.js";
import { reportFor, setOutcome, type HelperCapture } from "./buildReport.js";
import { debugLog } from "./debugLog.js";
import { CircuitOpenError } from "./errors.js";
import { adoptReport, suppressReports, type Report } from "./pendingReports.js";

export type CircuitState = "closed" | "open" | "half-open";

export interface CircuitBreakerOptions extends HelperCapture {
  /** Consecutive failures that open the circuit (default 5). */
  threshold?: number;
  /** How long the circuit stays open before one trial call is let through, in ms (default 30000). */
  resetAfter?: number;
  /** Whether an error counts as a failure of the dependency (default: every error). */
  isFailure?: (error: unknown) => boolean;
  onStateChange?: (state: CircuitState) => void;
}

export interface CircuitBreaker<A extends unknown[], T> {
  (...args: A): Promise<T>;
  readonly state: CircuitState;
  /** Closes the circuit by hand (nothing is reported; a call still in flight no longer counts). */
  reset(): void;
}

/**
 * Wraps `fn`: after `threshold` consecutive failures the circuit opens and calls fail at once with
 * CircuitOpenError (not reported) for `resetAfter` ms; then one trial call is let through. The error
 * that opened the circuit is reported when that trial settles: `recovery: {recovered: true,
 * method: "circuit_breaker", durationMs (open → closed), automatic: true}` if it succeeded, else
 * `recovered: false`, and the next open period's report links to it (`parentEventId`).
 */
export function circuitBreaker<A extends unknown[], T>(fn: (...args: A) => T | Promise<T>, options: CircuitBreakerOptions = {}): CircuitBreaker<A, T> {
  const log = debugLog();
  const threshold = numberOption("circuitBreaker threshold", options.threshold, { fallback: 5, min: 1, integer: true }, log);
  // Not a timer: any finite length a Date can still add up (≈ 31 years at most).
  const resetAfter = numberOption("circuitBreaker resetAfter", options.resetAfter, { fallback: 30_000, min: 0, max: 1e12 }, log);
  let state: CircuitState = "closed";
  let failures = 0;
  let openedAt = 0;
  /** When the breaker first opened in this outage (trials that fail keep it). */
  let outageStart = 0;
  let trialInFlight = false;
  /** Counts reset() calls: a call started before the last one settles without touching the state. */
  let generation = 0;
  /** The report of the current outage, sent when a trial settles. */
  let pending: Report | undefined;

  const setState = (next: CircuitState) => {
    if (next === state) return;
    state = next;
    options.onStateChange?.(next);
  };

  const open = (error: unknown, now: number) => {
    const client = getClient();
    const previous = pending?.headEventId;
    const adopted = adoptReport(error);
    pending = client
      ? reportFor(client, { error, at: now, adopted, parentEventId: previous }, options, {
          circuitBreaker: { threshold, resetAfterMs: resetAfter, consecutiveFailures: failures },
        })
      : undefined;
    if (pending && previous) pending.firstFailureAt = outageStart;
    openedAt = now;
    setState("open");
  };

  const settleTrial = (recovered: boolean, now: number) => {
    const client = getClient();
    if (client && pending) {
      setOutcome(pending, { recovered, method: "circuit_breaker", automatic: true }, now);
      client.submit(pending.events);
    }
  };

  const call = async (...args: A): Promise<T> => {
    const now = Date.now();
    if (state === "open" || (state === "half-open" && trialInFlight)) {
      if (state === "open" && now - openedAt >= resetAfter && !trialInFlight) {
        setState("half-open");
      } else {
        const error = new CircuitOpenError(`${options.name ?? "circuit"} is open; next trial after ${new Date(openedAt + resetAfter).toISOString()}`, openedAt + resetAfter);
        suppressReports(error);
        throw error;
      }
    }
    const isTrial = state === "half-open";
    if (isTrial) trialInFlight = true;
    const started = generation;
    try {
      const value = await fn(...args);
      if (started !== generation) return value;
      failures = 0;
      if (isTrial) {
        trialInFlight = false;
        settleTrial(true, Date.now());
        pending = undefined;
        setState("closed");
      }
      return value;
    } catch (error) {
      if (started !== generation) throw error;
      if (options.isFailure && !options.isFailure(error)) {
        if (isTrial) trialInFlight = false;
        throw error;
      }
      const at = Date.now();
      if (isTrial) {
        trialInFlight = false;
        settleTrial(false, at);
        open(error, at);
      } else if (state === "closed" && ++failures >= threshold) {
        outageStart = at;
        pending = undefined;
        open(error, at);
      }
      throw error;
    }
  };

  Object.defineProperty(call, "state", {
    get: () => (state === "open" && Date.now() - openedAt >= resetAfter ? "half-open" : state),
  });
  (call as CircuitBreaker<A, T>).reset = () => {
    generation++;
    failures = 0;
    pending = undefined;
    trialInFlight = false;
    setState("closed");
  };
  return call as CircuitBreaker<A, T>;
}
