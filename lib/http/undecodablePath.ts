/**
 * True for a request to /api/… whose path holds a percent-escape that is not UTF-8 (`%FF`, `%E0%A4%A`,
 * a lone `%`). Next.js fails such a path while matching a dynamic segment (`/api/v1/errors/:id`,
 * `/api/:projectId/envelope/`) and answers a bare 500 "Internal Server Error": the ingest fast path
 * sees every request first and answers these itself (UNDECODABLE_PATH).
 */
export function hasUndecodableApiPath(url: string | undefined): boolean {
  if (!url) return false;
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  if (!path.startsWith("/api/") || !path.includes("%")) return false;
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

/** The answer to such a request: a 400 naming the path, in the API's error shape. */
export const UNDECODABLE_PATH = {
  status: 400,
  headers: {},
  body: { error: { code: "bad_request", message: "the request path is not valid percent-encoded UTF-8", field: "path" } },
} as const;
