import { agreedCredential } from "@/lib/auth/agreedCredential";
import { ingestKeyHeaders, readIngestKey } from "@/lib/auth/ingestKeyAuth";
import type { RequestHead } from "@/lib/http/requestHead";

/**
 * The ingest key of POST /api/v1/events: the header forms, or `?key=<key>` — browsers' sendBeacon
 * cannot set headers, and a text/plain body with the key in the URL is a CORS "simple request"
 * (no preflight). Only this write endpoint reads the query form; read APIs want a header. Every
 * place that names a key must name the same one (400 naming the fields otherwise).
 */
export function readEventsKey(req: RequestHead): string | undefined {
  // Most clients send no query string: then there is nothing to parse.
  if (!req.url.includes("?")) return readIngestKey(req);
  const query = new URL(req.url).searchParams
    .getAll("key")
    .map((value) => value.trim())
    .filter(Boolean)
    .map((value) => ({ value, field: "query key" }));
  return agreedCredential([...ingestKeyHeaders(req), ...query]);
}
