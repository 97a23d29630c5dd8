/**
 * @faultline/client — the browser build. Same API in both builds; see docs/client.md.
 */
import { initWith } from "../core/api";
import type { Client } from "../core/client";
import type { FaultlineOptions } from "../core/types";
import { browserPlatform } from "../platform/browser";

export { captureException, captureMessage, close, flush, setContext, setTag, setTags, setUser } from "../core/api";
export { getClient } from "../core/hub";
export { withRetry } from "../recovery/withRetry";
export { withTimeout } from "../recovery/withTimeout";
export { withFallback } from "../recovery/withFallback";
export { circuitBreaker } from "../recovery/circuitBreaker";
export { CircuitOpenError, TimeoutError } from "../recovery/errors";
export type { Client } from "../core/client";
export type { CaptureContext, FaultlineEvent, FaultlineOptions, Level, RecoveryOutcome, Severity, TagValue, User } from "../core/types";
export type { BackoffStrategy, RetryOptions } from "../recovery/withRetry";
export type { FallbackOptions } from "../recovery/withFallback";
export type { CircuitBreaker, CircuitBreakerOptions, CircuitState } from "../recovery/circuitBreaker";
export type { HelperCapture } from "../recovery/buildReport";

/** Starts reporting to Faultline: `init({ url, key })`. Returns the client, or undefined when not configured. */
export function init(options: FaultlineOptions): Client | undefined {
  return initWith(browserPlatform, options);
}
