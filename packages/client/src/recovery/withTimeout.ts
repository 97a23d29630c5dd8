import { getClient } from "../core/hub.js";
import { reportFor, setOutcome, type HelperCapture } from "./buildReport.js";
import { deferReport } from "./pendingReports.js";
import { TimeoutError } from "./errors.js";

/**
 * Runs `fn` with a deadline of `ms`. `fn` receives an AbortSignal that aborts at the deadline (pass
 * it to fetch and the like). Past the deadline, a TimeoutError is thrown and reported with
 * `recovery: {recovered: false, method: "timeout", durationMs, automatic: true}` — unless a helper
 * around this one (withRetry, withFallback) recovers it, which then reports the final outcome.
 * Errors `fn` throws before the deadline pass through unreported.
 */
export function withTimeout<T>(fn: (signal: AbortSignal) => T | Promise<T>, ms: number, options: HelperCapture = {}): Promise<T> {
  const started = Date.now();
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      const error = new TimeoutError(`${options.name ?? "operation"} timed out after ${ms} ms`, ms);
      controller.abort(error);
      const client = getClient();
      if (client) {
        const report = reportFor(client, { error, at: started }, options, { timeout: { ms } });
        report.events[0].occurredAt = new Date().toISOString();
        setOutcome(report, { recovered: false, method: "timeout", automatic: true }, Date.now());
        deferReport(client, error, report);
      }
      reject(error);
    }, ms);
    Promise.resolve()
      .then(() => fn(controller.signal))
      .then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
  });
}
