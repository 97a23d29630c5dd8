import { ApiError } from "@/lib/http/ApiError";

/** The longest path echoed back in an error body. */
const MAX_ECHOED_PATH = 200;

/** The path of a request URL (absolute, or a node:http request target), without its query. */
export function pathOf(url: string): string {
  const start = url.startsWith("/") ? 0 : url.indexOf("/", url.indexOf("//") + 2);
  if (start === -1) return "/";
  const query = url.indexOf("?", start);
  const hash = url.indexOf("#", start);
  const end = Math.min(query === -1 ? url.length : query, hash === -1 ? url.length : hash);
  return url.slice(start, end) || "/";
}

/**
 * The answer to a request for an /api path no route serves, whatever its method: 404 in the API's
 * error shape (app/api/[...path]/route.ts, and the fast path for methods Next.js does not route).
 */
export function unknownApiPath(method: string, url: string): ApiError {
  const path = pathOf(url).slice(0, MAX_ECHOED_PATH);
  return new ApiError(404, "not_found", `there is no API endpoint at ${path} (the endpoints are listed in /api/openapi.json)`, { field: "path", path, method: method.slice(0, 20) });
}

/**
 * The answer to a method the route at `url` does not take: 405 naming the method, with the
 * methods it takes in `Allow` (RFC 9110 §15.5.6) and in the body.
 */
export function methodNotAllowed(method: string, url: string, allow: readonly string[]): ApiError {
  const path = pathOf(url).slice(0, MAX_ECHOED_PATH);
  const shown = method.slice(0, 20);
  return new ApiError(405, "method_not_allowed", `${shown} is not allowed on ${path}: use ${allow.join(", ")}`, { field: "method", method: shown, allow: [...allow] }, { allow: allow.join(", ") });
}
