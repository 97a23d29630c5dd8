import { getClient } from "../core/hub.js";
import { setLongTimeout } from "../core/timers.js";
import { reportFor, setOutcome, type HelperCapture } from "./buildReport.js";
import { deferReport, headOf } from "./pendingReports.js";
import { TimeoutError } from "./errors.js";

/**
 * Runs `fn` with a deadline of `ms`. `fn` receives an AbortSignal that aborts at the deadline (pass
 * it to fetch and the like). Past the deadline, a TimeoutError is thrown and reported with
 * `recovery: {recovered: false, method: "timeout", durationMs, automatic: true}` — unless a helper
 * around this one (withRetry, withFallback) recovers it, which then reports the final outcome.
 * Errors `fn` throws before the deadline pass through unreported. `ms` may be any length
 * (`Infinity`: no deadline); NaN or a negative number rejects at once with a RangeError, `fn` not
 * called and nothing reported.
 */
export function withTimeout<T>(fn: (signal: AbortSignal) => T | Promise<T>, ms: number, options: HelperCapture = {}): Promise<T> {
  if (typeof ms !== "number" || Number.isNaN(ms) || ms < 0) {
    return Promise.reject(new RangeError(`withTimeout: ms must be a number of milliseconds ≥ 0 (or Infinity), not ${String(ms)}`));
  }
  const started = Date.now();
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const onDeadline = () => {
      const error = new TimeoutError(`${options.name ?? "operation"} timed out after ${ms} ms`, ms);
      controller.abort(error);
      const client = getClient();
      if (client) {
        const report = reportFor(client, { error, at: started }, options, { timeout: { ms } });
        const head = headOf(report);
        if (head) head.occurredAt = new Date().toISOString();
        setOutcome(report, { recovered: false, method: "timeout", automatic: true }, Date.now());
        deferReport(client, error, report);
      }
      reject(error);
    };
    // Longer than one timer takes (≈ 24.8 days): a chain of timers; Infinity: none.
    const timer = ms === Infinity ? undefined : setLongTimeout(onDeadline, ms);
    Promise.resolve()
      .then(() => fn(controller.signal))
      .then(
        (value) => {
          timer?.cancel();
          resolve(value);
        },
        (error: unknown) => {
          timer?.cancel();
          reject(error);
        },
      );
  });
}
