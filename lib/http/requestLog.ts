import { randomUUID } from "node:crypto";
import { isDraining, requestFinished, requestStarted } from "@/lib/http/inFlight";
import { logger, requestContext } from "@/lib/logger";

const INCOMING_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const ID_SEGMENT = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+|[0-9a-f]{24,})$/i;

/**
 * Runs one API request with a request id (the caller's `X-Request-Id` when it is sane, else a new
 * UUID): every log line inside carries it, the response echoes it, and one line per request records
 * method, route (ids replaced by `:id`), status and latency. Never the body, query or headers.
 */
export async function runLogged(req: Request, fn: () => Promise<Response>): Promise<Response> {
  const reqId = requestIdOf(req.headers.get("x-request-id"));
  const started = performance.now();
  let response: Response;
  if (isDraining()) {
    // Shutting down: this instance takes no new work; the client retries (elsewhere).
    response = Response.json(
      { error: { code: "shutting_down", message: "this instance is shutting down: retry" } },
      { status: 503, headers: { "retry-after": "1", connection: "close" } },
    );
  } else {
    requestStarted();
    try {
      response = await requestContext().run({ reqId }, fn);
    } finally {
      requestFinished();
    }
  }
  const ms = Math.round((performance.now() - started) * 10) / 10;
  const line = { reqId, method: req.method, route: routeOf(req.url), status: response.status, ms };
  if (response.status >= 500) logger.error("request failed", line);
  else logger.info("request", line);
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

/** `/api/v1/errors/0190…` → `/api/v1/errors/:id`: a route label without identifiers or query. */
export function routeOf(url: string): string {
  const path = new URL(url).pathname;
  return path
    .split("/")
    .map((segment) => (ID_SEGMENT.test(segment) ? ":id" : segment))
    .join("/")
    .slice(0, 200);
}
