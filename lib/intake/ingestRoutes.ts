import type { SentryEndpoint } from "@/lib/intake/receiveSentry";

export type IngestRoute =
  | { door: "events" }
  | { door: "sentry"; endpoint: SentryEndpoint; publicId: string; preflight: boolean };

const SENTRY_PATH = /^\/api\/([^/]+)\/(envelope|store|minidump|security)\/?$/;

/**
 * The ingest endpoints the fast path serves, exactly as the App Router routes them to
 * app/api/v1/events and app/api/[projectId]/{envelope,store,minidump,security}: POST /api/v1/events, and POST
 * or OPTIONS /api/:projectId/envelope/, /store/, /minidump/ and /security/ (with or without the slash). Anything else, or
 * anything unusual, is left to Next.js (an undecodable segment never gets here: serveIngest answers it 400).
 */
export function matchIngestRoute(method: string | undefined, url: string | undefined): IngestRoute | null {
  if (!url || (method !== "POST" && method !== "OPTIONS")) return null;
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  if (path === "/api/v1/events") return method === "POST" ? { door: "events" } : null;
  const sentry = SENTRY_PATH.exec(path);
  if (!sentry) return null;
  let publicId: string;
  try {
    publicId = decodeURIComponent(sentry[1]);
  } catch {
    return null;
  }
  return { door: "sentry", endpoint: sentry[2] as SentryEndpoint, publicId, preflight: method === "OPTIONS" };
}
