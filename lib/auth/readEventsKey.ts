import { readIngestKey } from "@/lib/auth/ingestKeyAuth";
import type { RequestHead } from "@/lib/http/requestHead";

/**
 * The ingest key of POST /api/v1/events: the header forms, or `?key=<key>` — browsers' sendBeacon
 * cannot set headers, and a text/plain body with the key in the URL is a CORS "simple request"
 * (no preflight). Only this write endpoint reads the query form; read APIs want a header.
 */
export function readEventsKey(req: RequestHead): string | undefined {
  const header = readIngestKey(req);
  if (header) return header;
  const query = new URL(req.url).searchParams.get("key")?.trim();
  return query ? query : undefined;
}
