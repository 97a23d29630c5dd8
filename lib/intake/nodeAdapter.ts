import type { IncomingMessage, ServerResponse } from "node:http";
import type { IntakeRequest, IntakeResponse } from "@/lib/intake/intakeRequest";

/**
 * A node:http request as an intake request. The body iterator does not destroy the request when the
 * reader stops early (an oversized body): the socket must live on to carry the 413.
 */
export function fromNodeRequest(req: IncomingMessage): IntakeRequest {
  const url = new URL(req.url ?? "/", "http://faultline.internal").href;
  return {
    method: req.method ?? "GET",
    url,
    headers: {
      get(name: string) {
        const value = req.headers[name.toLowerCase()];
        if (value === undefined) return null;
        return Array.isArray(value) ? value.join(", ") : value;
      },
    },
    body: req.iterator({ destroyOnReturn: false }),
  };
}

/** Writes an intake response as a route handler's Response.json would (a JSON body or none). */
export function writeNodeResponse(req: IncomingMessage, res: ServerResponse, response: IntakeResponse): void {
  if (res.destroyed || res.headersSent) return;
  const headers: Record<string, string | number> = { ...response.headers };
  let payload: string | undefined;
  if (response.body !== null && response.body !== undefined) {
    payload = JSON.stringify(response.body);
    headers["content-type"] = "application/json";
    headers["content-length"] = Buffer.byteLength(payload);
  }
  // A body left unread (refused before or while reading it) is not worth keeping the connection for.
  if (!req.complete) headers.connection = "close";
  res.writeHead(response.status, headers);
  res.end(payload);
}
