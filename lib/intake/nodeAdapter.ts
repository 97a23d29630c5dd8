import type { IncomingMessage, ServerResponse } from "node:http";
import type { IntakeRequest, IntakeResponse } from "@/lib/intake/intakeRequest";

/** Requests whose body the pipeline started to read: only it knows where it stopped. */
const bodyTouched = new WeakSet<IncomingMessage>();

/**
 * An unread body up to this size (declared by Content-Length) is discarded after the answer and the
 * connection kept: a client refused before its body is read (no key, 401; rate limited, 429; a
 * throttled SDK retrying at full speed) would otherwise reconnect — and redo its TLS handshake —
 * for every request. Larger or undeclared (chunked) ones are not worth receiving: the connection closes.
 */
const DISCARD_UNREAD_MAX_BYTES = 64 * 1024;

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
    body: {
      [Symbol.asyncIterator]() {
        bodyTouched.add(req);
        return req.iterator({ destroyOnReturn: false });
      },
    },
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
  if (!req.complete) {
    if (discardsUnreadBody(req)) req.resume();
    else headers.connection = "close";
  }
  res.writeHead(response.status, headers);
  res.end(payload);
}

/** A body refused before any of it was read, small enough to receive and drop. */
function discardsUnreadBody(req: IncomingMessage): boolean {
  if (bodyTouched.has(req)) return false;
  const declared = Number(req.headers["content-length"] ?? NaN);
  return Number.isFinite(declared) && declared <= DISCARD_UNREAD_MAX_BYTES;
}
