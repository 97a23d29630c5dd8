import type { IncomingMessage, ServerResponse } from "node:http";
import { apiRouteMatcher, type ApiRouteMatcher, type ApiRouteTable } from "@/lib/http/apiRoutes";
import { errorPayload } from "@/lib/http/errorPayload";
import { isDraining, requestFinished, requestStarted, SHUTTING_DOWN } from "@/lib/http/inFlight";
import { logRequest, requestIdOf } from "@/lib/http/requestLog";
import { DOT_SEGMENT_PATH, hasApiDotSegments } from "@/lib/http/dotSegmentPath";
import { hasUndecodableApiPath, UNDECODABLE_PATH } from "@/lib/http/undecodablePath";
import { logger, requestContext } from "@/lib/logger";
import { matchIngestRoute } from "@/lib/intake/ingestRoutes";
import type { IntakeResponse } from "@/lib/intake/intakeRequest";
import { fromNodeRequest, writeNodeResponse } from "@/lib/intake/nodeAdapter";
import { receiveEvents } from "@/lib/intake/receiveEvents";
import { answerSentryPreflight, receiveSentry } from "@/lib/intake/receiveSentry";
import { errorMessage } from "@/lib/text/errorMessage";

/**
 * The ingest fast path (scripts/server.mjs): serves POST /api/v1/events and the Sentry envelope and
 * store endpoints straight from node:http, calling the same lib/intake doors as the route handlers
 * (which stay the documented endpoints and serve `next dev`). Returns false for every other request,
 * which the server hands to Next.js. Like the route handlers (lib/http/requestLog.ts), requests count
 * as in flight for the graceful shutdown, and while it drains new ones are answered 503; every answer
 * carries the request's id (`X-Request-Id`, in every log line of the request too) and `nosniff`.
 * The one line per request is logged at debug (failures at error): at thousands of events a second,
 * an info line each would drown every other line. Other API requests that Next.js would answer
 * badly are answered here too (serveApiEdges).
 */
export function serveIngest(req: IncomingMessage, res: ServerResponse): boolean {
  const unroutable = unroutableApiPath(req.url);
  const route = unroutable ? null : matchIngestRoute(req.method, req.url);
  if (!route) return serveApiEdges(req, res, unroutable);
  const { reqId, answer } = answering(req, res);
  if (isDraining()) {
    // Shutting down: this instance takes no new work; the client retries (elsewhere).
    answer(SHUTTING_DOWN);
    return true;
  }
  requestStarted();
  requestContext().run({ reqId }, () => {
    const request = fromNodeRequest(req);
    const response =
      route.door === "events"
        ? receiveEvents(request)
        : route.preflight
          ? answerSentryPreflight(request, route.publicId)
          : receiveSentry(request, route.endpoint, route.publicId);
    response
      .then(answer)
      .catch((error: unknown) => {
        // The doors map their own errors; this is a bug or a broken socket. Answer if still possible.
        logger.error("fast path failed", { error: errorMessage(error) });
        answer({ status: 500, headers: {}, body: { error: { code: "internal", message: "internal server error" } } });
      })
      .finally(requestFinished);
  });
  return true;
}

let apiRoutes: ApiRouteMatcher | null = null;

/** The build's API route table (lib/openapi/apiRouteTable.ts), for the method check of serveApiEdges. */
export function useApiRoutes(table: ApiRouteTable): void {
  apiRoutes = apiRouteMatcher(table);
}

/**
 * What Next.js answers badly on any API path, answered here in the API's error shape (JSON):
 * a path that is not valid percent-encoding (Next: a bare 500) is a 400, and so is one with `.` or
 * `..` segments (Next resolves them first: an empty 405 or the HTML 404 page); a method the route's file
 * does not export (Next: 405 with an empty body and no Allow) is a 405 naming the method, with
 * Allow; a method Next.js does not route at all (PROPFIND) on an unknown path is the 404 of the
 * catch-all. Here rather than in each route file (exporting every other method from ~90 files, which
 * the OpenAPI registry would read as operations) or in proxy.ts (which would put Next's middleware
 * on every API request): the server sees every request first, and the route table built with the
 * app tells it which route Next.js would pick — a lookup only for API requests that are not ingest.
 * Returns false for everything else, which the server hands to Next.js. Also serves with the ingest
 * fast path off (FAULTLINE_FAST_PATH=0). Not in `next dev` or the standalone server (Next's answers).
 */
export function serveApiEdges(req: IncomingMessage, res: ServerResponse, unroutable = unroutableApiPath(req.url)): boolean {
  const refusal = unroutable ?? apiRefusal(req);
  if (!refusal) return false;
  answering(req, res).answer(refusal);
  return true;
}

/** The 400 of an API path no route should see: not valid percent-encoding, or with dot segments; null for others. */
function unroutableApiPath(url: string | undefined): IntakeResponse | null {
  if (hasUndecodableApiPath(url)) return UNDECODABLE_PATH;
  return hasApiDotSegments(url) ? DOT_SEGMENT_PATH : null;
}

function apiRefusal(req: IncomingMessage): IntakeResponse | null {
  const error = apiRoutes?.refusal(req.method ?? "GET", req.url ?? "/");
  return error ? errorPayload(error) : null;
}

/** The request's id, and how to answer it: with the id and nosniff, logging its one line (debug, failures at error). */
function answering(req: IncomingMessage, res: ServerResponse): { reqId: string; answer: (response: IntakeResponse) => void } {
  const header = req.headers["x-request-id"];
  const reqId = requestIdOf(Array.isArray(header) ? header[0] : header);
  const started = performance.now();
  const answer = (response: IntakeResponse) => {
    writeNodeResponse(req, res, { ...response, headers: { ...response.headers, "x-request-id": reqId, "x-content-type-options": "nosniff" } });
    logRequest({ reqId, method: req.method, url: req.url ?? "/", status: response.status, started }, "debug");
  };
  return { reqId, answer };
}

/** node:http's 'clientError' listener for scripts/server.mjs: a request it could not parse (a URL over 16 KB: 431) answered in JSON. */
export { answerClientError } from "@/lib/http/clientError";
