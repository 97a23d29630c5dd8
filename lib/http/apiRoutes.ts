import type { ApiError } from "@/lib/http/ApiError";
import { methodNotAllowed, pathOf, unknownApiPath } from "@/lib/http/unknownApiPath";

/**
 * The API's routes as the build made them (lib/http/apiRouteTable.ts writes it next to the fast
 * path's bundle): each page with Next.js's own regex, in the order Next.js matches them (static
 * routes, then dynamic ones most specific first, the catch-all last), and the methods its route
 * file exports. `fallback` is the catch-all answering unknown paths (app/api/[...path]).
 */
export interface ApiRouteTable {
  routes: { page: string; regex: string; methods: string[] }[];
  fallback: string;
}

/** The methods Next.js routes to a route file (others it answers 400 with no body). */
const NEXT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE", "PATCH"]);

export interface ApiRouteMatcher {
  /**
   * The answer to a request whose method its route does not take (405 with Allow), or for an
   * unknown path with a method Next.js does not route (404) — both JSON in the API's error shape,
   * where Next.js answers with an empty body. Null for everything Next.js should serve.
   */
  refusal(method: string, url: string): ApiError | null;
}

export function apiRouteMatcher(table: ApiRouteTable): ApiRouteMatcher {
  const routes = table.routes.map((route) => ({ page: route.page, pattern: new RegExp(route.regex), allow: allowed(route.methods) }));
  return {
    refusal(method, url) {
      const path = pathOf(url);
      if (!path.startsWith("/api/") && path !== "/api") return null;
      const route = routes.find((r) => r.pattern.test(path));
      if (!route || route.page === table.fallback) return NEXT_METHODS.has(method) && route ? null : unknownApiPath(method, url);
      return route.allow.includes(method) ? null : methodNotAllowed(method, url, route.allow);
    },
  };
}

/** What Next.js serves on a route file: its exports, HEAD when it has GET, and always OPTIONS (answered with Allow). */
function allowed(exported: string[]): string[] {
  const methods = new Set(exported);
  if (methods.has("GET")) methods.add("HEAD");
  methods.add("OPTIONS");
  return [...methods].sort();
}
