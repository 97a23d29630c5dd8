/**
 * @faultline/client — the node build. Same API in both builds; see docs/client.md.
 */
import { initWith } from "../core/api.js";
import type { Client } from "../core/client.js";
import type { FaultlineOptions } from "../core/types.js";
import { nodePlatform } from "../platform/node.js";

export { captureException, captureMessage, close, flush, setContext, setTag, setTags, setUser } from "../core/api.js";
export { getClient } from "../core/hub.js";
export { withRetry } from "../recovery/withRetry.js";
export { withTimeout } from "../recovery/withTimeout.js";
export { withFallback } from "../recovery/withFallback.js";
export { circuitBreaker } from "../recovery/circuitBreaker.js";
export { CircuitOpenError, TimeoutError } from "../recovery/errors.js";
export type { Client } from "../core/client.js";
export type { CaptureContext, FaultlineEvent, FaultlineOptions, Level, RecoveryOutcome, Severity, TagValue, User } from "../core/types.js";
export type { BackoffStrategy, RetryOptions } from "../recovery/withRetry.js";
export type { FallbackOptions } from "../recovery/withFallback.js";
export type { CircuitBreaker, CircuitBreakerOptions, CircuitState } from "../recovery/circuitBreaker.js";
export type { HelperCapture } from "../recovery/buildReport.js";

/** Starts reporting to Faultline: `init({ url, key })`. Returns the client, or undefined when not configured. */
export function init(options: FaultlineOptions): Client | undefined {
  return initWith(nodePlatform, options);
}
