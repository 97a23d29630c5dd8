// A consumer of the built package (dist/), type-checked by scripts/checkTypes.mjs under
// moduleResolution NodeNext and Bundler with skipLibCheck off: every entry's declarations must
// resolve, and a wrong use must be a type error (not an `any` that lets everything through).
import { captureMessage, circuitBreaker, flush, init, withRetry, withTimeout, type FaultlineOptions } from "@faultline/client";
import { FaultlineErrorBoundary, useFaultline } from "@faultline/client/react";
import { onRequestError } from "@faultline/client/next";

const options: FaultlineOptions = { dsn: "http://k@127.0.0.1:3000/1", maxQueueSize: 100 };
export const client = init(options);
export const retried: Promise<number> = withRetry(async (attempt: number) => attempt, { attempts: 2 });
export const timed: Promise<string> = withTimeout(async (signal: AbortSignal) => (signal.aborted ? "late" : "on time"), 1000);
export const breaker = circuitBreaker(async (x: number) => x * 2, { threshold: 2 });
export const state: "closed" | "open" | "half-open" = breaker.state;
export const flushed: Promise<boolean> = flush(10);
export { FaultlineErrorBoundary, onRequestError, useFaultline };

// @ts-expect-error withRetry resolves to what fn returns
export const wrong: Promise<string> = withRetry(async () => 1);
// @ts-expect-error a message is a string
captureMessage(42);
// @ts-expect-error maxQueueSize is a number
init({ maxQueueSize: "big" });
