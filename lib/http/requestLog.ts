import { randomUUID } from "node:crypto";
import { isDraining, requestFinished, requestStarted, SHUTTING_DOWN } from "@/lib/http/inFlight";
import { logger, requestContext } from "@/lib/logger";
import { routeOf } from "@/lib/http/routeOf";

const INCOMING_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export interface RunLoggedOptions {
  /** The level of the request's line when it did not fail (default info; failures are always error). */
  level?: "info" | "debug";
  /** The answer while the instance drains for its shutdown (default: 503 `shutting_down`, SHUTTING_DOWN). */
  whileDraining?: () => Response;
}

/**
 * Runs one API request with a request id (the caller's `X-Request-Id` when it is sane, else a new
 * UUID): every log line inside carries it, the response echoes it, and one line per request records
 * method, route (ids replaced by `:id`), status and latency. Never the body, query or headers.
 */
export async function runLogged(req: Request, fn: () => Promise<Response>, options: RunLoggedOptions = {}): Promise<Response> {
  const reqId = requestIdOf(req.headers.get("x-request-id"));
  const started = performance.now();
  let response: Response;
  if (isDraining()) {
    // Shutting down: this instance takes no new work; the client retries (elsewhere).
    response = options.whileDraining?.() ?? Response.json(SHUTTING_DOWN.body, { status: SHUTTING_DOWN.status, headers: SHUTTING_DOWN.headers });
  } else {
    requestStarted();
    try {
      response = await requestContext().run({ reqId }, fn);
    } finally {
      requestFinished();
    }
  }
  logRequest({ reqId, method: req.method, url: req.url, status: response.status, started }, options.level);
  try {
    response.headers.set("x-request-id", reqId);
  } catch {
    // immutable headers (a proxied response): the log line still has the id
  }
  return response;
}

/** A request's id: the caller's `X-Request-Id` when it is 1–64 characters of `A-Za-z0-9._:-`, else a new UUID. */
export function requestIdOf(incoming: string | null | undefined): string {
  return incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * The one line per finished request (method, route, status, latency since `started`): failures
 * (≥ 500) at error, the rest at `level` — info for the route handlers, debug for the ingest fast
 * path. Nothing is built when the line would not be written.
 */
export function logRequest(
  request: { reqId: string; method: string | undefined; url: string; status: number; started: number },
  level: "info" | "debug" = "info",
): void {
  const failed = request.status >= 500;
  if (!failed && !logger.enabled(level)) return;
  const line = { reqId: request.reqId, method: request.method, route: routeOf(request.url), status: request.status, ms: Math.round((performance.now() - request.started) * 10) / 10 };
  if (failed) logger.error("request failed", line);
  else logger[level]("request", line);
}
