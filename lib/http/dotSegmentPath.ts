/**
 * True for a request whose path has a `.` or `..` segment (also spelled `%2e`, `%2E%2e`…, or after a
 * backslash) and lies under /api/ before or after those segments are resolved. Next.js resolves them
 * before routing (`/api/v1/errors/x/links/%2e%2e` is served as `…/x/links`, `/api/%2e%2e/cron/a` as
 * the page `/cron/a`), so the route this server would check the method against is not the one that
 * would answer, and an answer could come as an HTML page. No API path holds such a segment (ids and
 * names are never "." or ".."), so the ingest fast path refuses them (DOT_SEGMENT_PATH).
 */
export function hasApiDotSegments(url: string | undefined): boolean {
  if (!url) return false;
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  if (!path.split(/[/\\]/).some(isDotSegment)) return false;
  return isApiPath(path) || isApiPath(resolvedPath(path));
}

/** The answer to such a request: a 400 naming the path, in the API's error shape. */
export const DOT_SEGMENT_PATH = {
  status: 400,
  headers: {},
  body: { error: { code: "bad_request", message: "the request path must not contain . or .. segments", field: "path" } },
} as const;

function isDotSegment(segment: string): boolean {
  const s = segment.toLowerCase().replaceAll("%2e", ".");
  return s === "." || s === "..";
}

const isApiPath = (path: string) => path === "/api" || path.startsWith("/api/") || path.startsWith("/api\\");

/** The path as a WHATWG URL parser (Next.js) resolves it; the raw path when it is not a valid one. */
function resolvedPath(path: string): string {
  try {
    return new URL(path, "http://localhost").pathname;
  } catch {
    return path;
  }
}
