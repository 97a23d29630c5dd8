import type { IncomingMessage, ServerResponse } from "node:http";
import { isDraining, requestFinished, requestStarted, SHUTTING_DOWN } from "@/lib/http/inFlight";
import { logRequest, requestIdOf } from "@/lib/http/requestLog";
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
 * an info line each would drown every other line. An API path that is not valid percent-encoding is
 * answered here too (400), ingest or not: Next.js would answer it with a bare 500.
 */
export function serveIngest(req: IncomingMessage, res: ServerResponse): boolean {
  const undecodable = hasUndecodableApiPath(req.url);
  const route = undecodable ? null : matchIngestRoute(req.method, req.url);
  if (!route && !undecodable) return false;
  const header = req.headers["x-request-id"];
  const reqId = requestIdOf(Array.isArray(header) ? header[0] : header);
  const started = performance.now();
  const answer = (response: IntakeResponse) => {
    writeNodeResponse(req, res, { ...response, headers: { ...response.headers, "x-request-id": reqId, "x-content-type-options": "nosniff" } });
    logRequest({ reqId, method: req.method, url: req.url ?? "/", status: response.status, started }, "debug");
  };
  if (!route) {
    answer(UNDECODABLE_PATH);
    return true;
  }
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
