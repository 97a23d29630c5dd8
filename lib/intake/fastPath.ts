import type { IncomingMessage, ServerResponse } from "node:http";
import { isDraining, requestFinished, requestStarted } from "@/lib/http/inFlight";
import { logger } from "@/lib/logger";
import { matchIngestRoute } from "@/lib/intake/ingestRoutes";
import { fromNodeRequest, writeNodeResponse } from "@/lib/intake/nodeAdapter";
import { receiveEvents } from "@/lib/intake/receiveEvents";
import { answerSentryPreflight, receiveSentry } from "@/lib/intake/receiveSentry";

/**
 * The ingest fast path (scripts/server.mjs): serves POST /api/v1/events and the Sentry envelope and
 * store endpoints straight from node:http, calling the same lib/intake doors as the route handlers
 * (which stay the documented endpoints and serve `next dev`). Returns false for every other request,
 * which the server hands to Next.js. Like the route handlers (lib/http/requestLog.ts), requests count
 * as in flight for the graceful shutdown, and while it drains new ones are answered 503.
 */
export function serveIngest(req: IncomingMessage, res: ServerResponse): boolean {
  const route = matchIngestRoute(req.method, req.url);
  if (!route) return false;
  if (isDraining()) {
    // Shutting down: this instance takes no new work; the client retries (elsewhere).
    writeNodeResponse(req, res, {
      status: 503,
      headers: { "retry-after": "1", connection: "close" },
      body: { error: { code: "shutting_down", message: "this instance is shutting down: retry" } },
    });
    return true;
  }
  requestStarted();
  const request = fromNodeRequest(req);
  const answer =
    route.door === "events"
      ? receiveEvents(request)
      : route.preflight
        ? answerSentryPreflight(request, route.publicId)
        : receiveSentry(request, route.endpoint, route.publicId);
  answer
    .then((response) => writeNodeResponse(req, res, response))
    .catch((error: unknown) => {
      // The doors map their own errors; this is a bug or a broken socket. Answer if still possible.
      logger.error("fast path failed", { error: error instanceof Error ? error.message : String(error) });
      writeNodeResponse(req, res, { status: 500, headers: {}, body: { error: { code: "internal", message: "internal server error" } } });
    })
    .finally(requestFinished);
  return true;
}
