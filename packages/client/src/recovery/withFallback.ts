import { getClient } from "../core/hub.js";
import { linkedEvents, reportFor, setOutcome, type HelperCapture } from "./buildReport.js";
import { adoptReport, deferReport } from "./pendingReports.js";

export interface FallbackOptions extends HelperCapture {
  /** Whether an error may be answered with the fallback (default: every error). Others are rethrown. */
  fallbackIf?: (error: unknown) => boolean;
}

/**
 * Calls `fn`; if it throws, answers with `fallback` (a value, or a function of the error).
 * The failure is reported with `recovery: {recovered: true, method: "fallback", durationMs,
 * automatic: true}`; when the fallback throws too, with `recovered: false` and the fallback's error
 * linked to it (`parentEventId`), and the fallback's error is thrown.
 */
export async function withFallback<T>(fn: () => T | Promise<T>, fallback: T | ((error: unknown) => T | Promise<T>), options: FallbackOptions = {}): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (options.fallbackIf && !options.fallbackIf(error)) throw error;
    const failure = { error, at: Date.now(), adopted: adoptReport(error) };
    const client = getClient();
    const report = client && failure.adopted?.kind !== "suppressed" ? reportFor(client, failure, options) : undefined;
    try {
      const value = typeof fallback === "function" ? await (fallback as (error: unknown) => T | Promise<T>)(error) : fallback;
      if (client && report) {
        setOutcome(report, { recovered: true, method: "fallback", automatic: true }, Date.now());
        client.submit(report.events);
      }
      return value;
    } catch (fallbackError) {
      if (client && report) {
        setOutcome(report, { recovered: false, method: "fallback", automatic: true }, Date.now());
        if (fallbackError !== error) {
          report.events.push(...linkedEvents(client, { error: fallbackError, at: Date.now(), adopted: adoptReport(fallbackError) }, report.headEventId, options, { fallback: true }));
        }
        deferReport(client, fallbackError, report);
      }
      throw fallbackError;
    }
  }
}
