import type { z } from "zod";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** How a caller proves who it is; the document's security schemes (see buildOpenApiDocument). */
/** "session": the session cookie or an API token; "signedInSession": the cookie only (account settings). */
export type RouteAuth = "none" | "session" | "signedInSession" | "sessionOrIngestKey" | "ingestKey" | "sentryKey" | "metricsToken";

export interface ResponseSpec {
  description: string;
  /** A zod schema of the body, when the response has one defined in lib. */
  schema?: z.ZodType;
  /** Media type other than application/json (e.g. Prometheus text). */
  contentType?: string;
}

/**
 * One route of the API, registered once in lib/openapi/routes/<area>.ts. Path parameters are written
 * `{name}` as in OpenAPI (the route file's `[name]` folder). Request parts point at the zod schemas the
 * handler parses with, so the document cannot drift from validation.
 */
export interface RouteSpec {
  method: HttpMethod;
  path: string;
  summary: string;
  description?: string;
  tag: string;
  auth: RouteAuth;
  /**
   * The least role needed in the item's workspace, for session routes: set on every route about
   * something in a workspace (and only there), which also answers 403 `two_factor_required`.
   */
  role?: "viewer" | "member" | "admin";
  /**
   * A POST that changes nothing (a dry run): a `read` API token may call it, as the handler says
   * with `requireSessionUser(req, { dryRun: true })` (lib/openapi/routeRegistry.test.ts compares them).
   */
  dryRun?: true;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Request media type; default application/json. */
  bodyContentType?: string;
  /** Success responses by status; error statuses listed in `errors` share the one error body. */
  responses: Record<number, ResponseSpec | string>;
  errors?: number[];
}
