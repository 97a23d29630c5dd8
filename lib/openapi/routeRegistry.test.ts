import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { exportedMethods, listApiRouteFiles, normalisePath, routePath } from "@/lib/openapi/apiRouteFiles";
import { buildOpenApiDocument, forbiddenReasons, pathNames } from "@/lib/openapi/buildOpenApiDocument";
import { routeRegistry } from "@/lib/openapi/routeRegistry";

const root = path.resolve(import.meta.dirname, "..", "..");
const key = (method: string, p: string) => `${method} ${normalisePath(p)}`;

describe("the route registry covers every API route", () => {
  const files = listApiRouteFiles(root);
  const fromFiles = new Set(files.flatMap((f) => f.methods.map((m) => key(m, f.path))));
  const registered = new Set(routeRegistry.map((r) => key(r.method, r.path)));

  it("finds the route files (sanity)", () => {
    expect(files.length).toBeGreaterThan(15);
    expect(fromFiles).toContain("POST /api/v1/events");
    expect(fromFiles).toContain("POST /api/{projectId}/envelope");
  });

  it("registers every method a route file under app/api exports", () => {
    const missing = [...fromFiles].filter((k) => !registered.has(k));
    expect(missing, `add these to lib/openapi/routes/<area>.ts`).toEqual([]);
  });

  it("registers no route that does not exist", () => {
    const stale = [...registered].filter((k) => !fromFiles.has(k));
    expect(stale, `remove these from lib/openapi/routes/`).toEqual([]);
  });

  it("declares every path parameter it uses, by the route folder's name", () => {
    for (const route of routeRegistry) {
      const declared = Object.keys(route.params?.shape ?? {});
      for (const name of declared) expect(pathNames(route.path), `${route.method} ${route.path}`).toContain(name);
    }
  });
});

describe("the OpenAPI document", () => {
  const doc = buildOpenApiDocument(routeRegistry, { version: "test" });

  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(structuredClone(doc) as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
  });

  it("takes request bodies and parameters from the zod schemas", () => {
    const events = doc.paths["/api/v1/events"].post;
    const body = JSON.stringify(events.requestBody);
    expect(body).toContain('"eventId"');
    expect(body).toContain('"enum":["low","medium","high","critical"]');
    const list = doc.paths["/api/v1/errors"].get;
    const sort = list.parameters?.find((p) => p.name === "sort");
    expect(sort).toMatchObject({ in: "query", required: false, schema: { enum: ["lastSeen", "firstSeen", "occurrences", "users", "severity"] } });
    const tracking = doc.paths["/api/v1/workspaces/{workspaceId}/error-tracking"].get;
    expect(tracking.parameters?.find((p) => p.name === "workspaceId")).toMatchObject({ in: "path", required: true, schema: { format: "uuid" } });
  });

  it("describes error responses with the one error body and security by auth kind", () => {
    const patch = doc.paths["/api/v1/errors/{id}"].patch;
    expect(patch.responses["422"].content?.["application/json"].schema).toEqual({ $ref: "#/components/schemas/Error" });
    expect(patch.security).toEqual([{ session: [] }, { apiToken: [] }]);
    expect(doc.paths["/api/v1/account/tokens"].post.security).toEqual([{ session: [] }]);
    expect(doc.paths["/api/health"].get.security).toEqual([]);
  });

  it("lists 400, 413 and 415 for every operation with a request body, once, whatever the route declares", () => {
    const withBody = Object.entries(doc.paths).flatMap(([p, item]) => Object.entries(item).filter(([, op]) => op.requestBody).map(([method, op]) => ({ at: `${method} ${p}`, op })));
    expect(withBody.length).toBeGreaterThan(50);
    for (const { at, op } of withBody) {
      for (const status of ["400", "413", "415"]) expect(op.responses[status]?.content?.["application/json"].schema, `${at} ${status}`).toEqual({ $ref: "#/components/schemas/Error" });
    }
    // Declared nowhere in the route's own list: PATCH /api/v1/projects/{projectId} names 401, 403, 404, 409, 422.
    expect(Object.keys(doc.paths["/api/v1/projects/{projectId}"].patch.responses)).toEqual(["200", "400", "401", "403", "404", "409", "413", "415", "422"]);
    expect(doc.paths["/api/v1/projects/{projectId}"].get.responses["413"]).toBeUndefined();
  });

  it("lists 403 on every route an API token is refused (account settings), the sessions routes among them", () => {
    const { "/api/v1/account/sessions": sessions, "/api/v1/account/sessions/{sessionId}": one } = doc.paths;
    for (const op of [sessions.get, sessions.delete, one.delete]) expect(op.responses["403"]).toMatchObject({ description: expect.stringContaining("role or key") });
    for (const route of routeRegistry.filter((r) => r.auth === "signedInSession")) {
      expect(doc.paths[route.path][route.method.toLowerCase()].responses["403"], `${route.method} ${route.path}`).toBeDefined();
    }
  });

  it("lists 403 where the server sends it by auth and scope: a read API token on every change, two_factor_required on everything in a workspace", () => {
    const op = (method: string, p: string) => doc.paths[p][method.toLowerCase()];
    const changes = routeRegistry.filter((r) => ["session", "signedInSession", "sessionOrIngestKey"].includes(r.auth) && !["GET", "HEAD", "OPTIONS"].includes(r.method) && !r.dryRun);
    expect(changes.length).toBeGreaterThan(60);
    for (const r of changes) expect(op(r.method, r.path).responses["403"]?.description, `${r.method} ${r.path}`).toContain("read-only");
    const scoped = routeRegistry.filter((r) => r.role);
    expect(scoped.length).toBeGreaterThan(100);
    for (const r of scoped) expect(op(r.method, r.path).responses["403"]?.description, `${r.method} ${r.path}`).toContain("two_factor_required");
    // Among those the reviewer found without one: a read token's refusals and a workspace's reads.
    expect(op("PATCH", "/api/v1/account").responses["403"]?.description).toContain("read-only");
    expect(op("POST", "/api/v1/workspaces").responses["403"]?.description).toContain("read-only");
    expect(op("GET", "/api/v1/workspaces/{workspaceId}/members").responses["403"]?.description).toContain("two_factor_required");
    expect(op("GET", "/api/v1/errors/{id}/events").responses["403"]?.description).toContain("two_factor_required");
    // Reads of one's own account, and sentry-cli's "who am I", are no workspace's: no 403 at all.
    expect(op("GET", "/api/v1/account").responses["403"]).toBeUndefined();
    expect(op("GET", "/api/0").responses["403"]).toBeUndefined();
    // A dry run is a read for a token: only the workspace's 403.
    const preview = op("POST", "/api/v1/projects/{projectId}/grouping-rules/preview").responses["403"]?.description;
    expect(preview).toContain("two_factor_required");
    expect(preview).not.toContain("read-only");
  });

  it("marks as dry runs exactly the routes whose handlers let a read token call them (requireSessionUser(req, { dryRun: true }))", () => {
    const handlers = listApiRouteFiles(root).filter((f) => /\bdryRun:\s*true\b/.test(fs.readFileSync(path.join(root, f.file), "utf8"))).map((f) => normalisePath(f.path));
    const declared = routeRegistry.filter((r) => r.dryRun).map((r) => normalisePath(r.path));
    expect(handlers.sort()).toEqual(declared.sort());
    expect(declared.length).toBe(2);
    for (const r of routeRegistry.filter((x) => x.dryRun)) expect(forbiddenReasons(r).join(" ")).not.toContain("read-only");
  });

  it("lists 400 for operations with query parameters (one sent twice)", () => {
    expect(doc.paths["/api/v1/errors"].get.responses["400"]).toBeDefined();
    expect(doc.paths["/api/v1/workspaces/{workspaceId}/audit"].get.responses["400"]).toBeDefined();
  });

  it("gives every operation a unique operationId", () => {
    const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("route file parsing", () => {
  it("reads exported methods in every form Next accepts", () => {
    expect(exportedMethods("export const GET = handle(x);\nexport async function POST() {}\nexport function DELETE() {}")).toEqual(["DELETE", "GET", "POST"]);
    expect(exportedMethods("export { handler as PATCH, OPTIONS };\nexport const dynamic = 'force-dynamic';")).toEqual(["OPTIONS", "PATCH"]);
    expect(exportedMethods("const GET = 1; // export const POST")).toEqual([]);
  });

  it("maps folders to OpenAPI paths", () => {
    expect(routePath(["api", "v1", "projects", "[projectId]", "keys"].join(path.sep))).toBe("/api/v1/projects/{projectId}/keys");
    expect(routePath(["api", "(internal)", "files", "[...slug]"].join(path.sep))).toBe("/api/files/{slug}");
    expect(normalisePath("/api/{projectId}/envelope/")).toBe("/api/{projectId}/envelope");
  });
});
