import { z } from "zod";
import { ErrorBodySchema } from "@/lib/openapi/errorBody";
import type { ResponseSpec, RouteAuth, RouteSpec } from "@/lib/openapi/routeSpec";

type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  tags: { name: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
}

export interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
  "x-faultline-role"?: string;
}

export interface Parameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "malformed request (e.g. a body that is not valid JSON: `field` `body`), a query parameter sent twice (`field` naming it), or keys that disagree (`conflicting_credentials`, `fields` naming where each was sent)",
  401: "not authenticated",
  403: "authenticated, but the role or key does not allow it",
  404: "not found (also for another workspace's items)",
  409: "conflicts with the current state (a name, slug or other unique value taken: `field` naming it)",
  410: "gone",
  413: "body over its limit (`field` `body`, `limit` in bytes), or a batch shaped as no real one (`field`, `bound`: depth, values or containers)",
  415: "unsupported Content-Type, Content-Encoding or charset (`field`)",
  422: "validation failed: `issues` names each field",
  429: "rate limited or over quota: see Retry-After (and X-Sentry-Rate-Limits on ingest)",
  503: "unavailable",
};

/**
 * What every operation with a request body may answer however it is declared: the body is read
 * (readBody: 413 over its limit, 415 for a Content-Encoding or charset it cannot decode) and parsed
 * (400 when it is not JSON, a multipart form, an envelope…). Added here once rather than in each route.
 */
const BODY_ERRORS = [400, 413, 415];

/** Query parameters are parsed by parseSearchParams: one sent twice (not a list) is a 400 naming it. */
const QUERY_ERRORS = [400];

/** Routes for a signed-in person only: an API token of theirs is refused 403 (lib/auth/permissions.ts assertSignedInSession). */
const SIGNED_IN_SESSION_ERRORS = [401, 403];

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Routes that read an API token (lib/auth/session.ts getSessionUser), even those that then refuse one. */
const READS_API_TOKENS = new Set<RouteAuth>(["session", "signedInSession", "sessionOrIngestKey"]);

/**
 * Why an operation may answer 403 besides what it declares, from its auth and role: a `read` API
 * token is refused every change (lib/apiTokens/authenticateApiToken.ts; a dry run is no change),
 * and everything in a workspace answers `two_factor_required` to a member it keeps out
 * (lib/auth/permissions.ts assertVisibleIn). Added here once rather than in each route.
 */
export function forbiddenReasons(route: RouteSpec): string[] {
  const reasons: string[] = [];
  if (READS_API_TOKENS.has(route.auth) && !READ_METHODS.has(route.method) && !route.dryRun) reasons.push("`this API token is read-only`: a `read` API token on a change");
  if (route.role) reasons.push("`two_factor_required` (with `workspaceId`): the workspace requires two-factor sign-in, which the caller has not turned on");
  return reasons;
}

const SECURITY: Record<Exclude<RouteAuth, "none">, Record<string, string[]>[]> = {
  session: [{ session: [] }, { apiToken: [] }],
  signedInSession: [{ session: [] }],
  sessionOrIngestKey: [{ session: [] }, { apiToken: [] }, { ingestKey: [] }, { ingestBearer: [] }],
  ingestKey: [{ ingestKey: [] }, { ingestBearer: [] }],
  sentryKey: [{ sentryKey: [] }, { sentryAuth: [] }],
  metricsToken: [{ metricsToken: [] }],
};

/** JSON Schema 2020-12 (the dialect of OpenAPI 3.1) of what a caller sends, from the zod schema. */
export function toJsonSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as JsonSchema;
  delete json.$schema;
  return json;
}

/** The OpenAPI 3.1 document of the registered routes. Pure: the same registry gives the same document. */
export function buildOpenApiDocument(routes: readonly RouteSpec[], options: { version: string; serverUrl?: string }): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const route of routes) {
    const item = (paths[route.path] ??= {});
    const method = route.method.toLowerCase();
    if (item[method]) throw new Error(`route registered twice: ${route.method} ${route.path}`);
    item[method] = operationOf(route);
  }
  const tags = [...new Set(routes.map((r) => r.tag))].map((name) => ({ name }));
  return {
    openapi: "3.1.0",
    info: {
      title: "Faultline API",
      version: options.version,
      description:
        "Self-hosted error tracking. Ingest with a project key (native JSON) or any Sentry SDK (DSN); the dashboard API uses the session cookie from POST /api/v1/auth/login or a personal API token (`Authorization: Bearer flt_…`). Every error answers `{error: {code, message, ...}}`, `field` naming the field, parameter or header at fault where there is one; an unknown /api path answers 404 (`not_found`) with any method, and a method a route does not take 405 (`method_not_allowed`) with an `Allow` header.",
    },
    servers: [{ url: options.serverUrl ?? "/" }],
    tags,
    paths,
    components: {
      schemas: { Error: toJsonSchema(ErrorBodySchema) },
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "faultline_session", description: "from POST /api/v1/auth/login" },
        apiToken: { type: "http", scheme: "bearer", description: "a personal API token (`flt_…`, POST /api/v1/account/tokens): acts as its user; a read token may only read" },
        ingestKey: { type: "apiKey", in: "header", name: "X-Faultline-Key", description: "a project ingest key" },
        ingestBearer: { type: "http", scheme: "bearer", description: "a project ingest key as a bearer token" },
        sentryKey: { type: "apiKey", in: "query", name: "sentry_key", description: "the DSN's public key (the project ingest key)" },
        sentryAuth: { type: "apiKey", in: "header", name: "X-Sentry-Auth", description: "`Sentry sentry_key=<key>, sentry_version=7`" },
        metricsToken: { type: "http", scheme: "bearer", description: "METRICS_TOKEN" },
      },
    },
  };
}

function operationOf(route: RouteSpec): Operation {
  const op: Operation = {
    operationId: operationId(route),
    summary: route.summary,
    tags: [route.tag],
    responses: {},
  };
  if (route.description) op.description = route.description;
  op.security = route.auth === "none" ? [] : SECURITY[route.auth];
  if (route.role) op["x-faultline-role"] = route.role;
  const parameters = [...parametersOf(route.params, "path"), ...parametersOf(route.query, "query")];
  const missing = pathNames(route.path).filter((name) => !parameters.some((p) => p.in === "path" && p.name === name));
  for (const name of missing) parameters.unshift({ name, in: "path", required: true, schema: { type: "string" } });
  if (parameters.length) op.parameters = parameters;
  if (route.body || route.bodyContentType) {
    op.requestBody = {
      required: true,
      content: { [route.bodyContentType ?? "application/json"]: { schema: route.body ? toJsonSchema(route.body) : {} } },
    };
  }
  for (const [status, spec] of Object.entries(route.responses)) op.responses[status] = responseOf(spec);
  const forbidden = forbiddenReasons(route);
  const errors = new Set([
    ...(route.errors ?? []),
    ...(op.requestBody ? BODY_ERRORS : []),
    ...(route.query ? QUERY_ERRORS : []),
    ...(route.auth === "signedInSession" ? SIGNED_IN_SESSION_ERRORS : []),
    ...(forbidden.length ? [403] : []),
  ]);
  for (const status of [...errors].sort((a, b) => a - b)) {
    const description = ERROR_DESCRIPTIONS[status] ?? "error";
    op.responses[String(status)] = {
      description: status === 403 && forbidden.length ? `${description}; ${forbidden.join("; ")}` : description,
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
  }
  return op;
}

function responseOf(spec: ResponseSpec | string) {
  if (typeof spec === "string") return { description: spec };
  const out: Operation["responses"][string] = { description: spec.description };
  if (spec.schema) out.content = { [spec.contentType ?? "application/json"]: { schema: toJsonSchema(spec.schema) } };
  else if (spec.contentType) out.content = { [spec.contentType]: { schema: { type: "string" } } };
  return out;
}

function parametersOf(schema: z.ZodObject | undefined, location: "path" | "query"): Parameter[] {
  if (!schema) return [];
  const json = toJsonSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property as JsonSchema & { description?: string };
    const parameter: Parameter = { name, in: location, required: location === "path" || (json.required ?? []).includes(name), schema: rest };
    if (typeof description === "string") parameter.description = description;
    return parameter;
  });
}

/** `{workspaceId}` names in a path. */
export function pathNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
}

function operationId(route: RouteSpec): string {
  const words = route.path
    .replace(/^\/api\/(v1\/)?/, "")
    .split("/")
    .filter(Boolean)
    .map((part) => (part.startsWith("{") ? `by-${part.slice(1, -1)}` : part));
  return [route.method.toLowerCase(), ...words]
    .join("-")
    .replace(/[^A-Za-z0-9]+(.)/g, (_, c: string) => c.toUpperCase())
    .replace(/[^A-Za-z0-9]/g, "");
}
