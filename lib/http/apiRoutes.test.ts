import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { errorPayload } from "@/lib/http/errorPayload";
import { apiRouteMatcher, type ApiRouteTable } from "@/lib/http/apiRoutes";
import { pathOf } from "@/lib/http/unknownApiPath";
import { buildApiRouteTable } from "@/lib/openapi/apiRouteTable";

/** A table as a build writes it: Next's regexes, static routes first, the catch-all last. */
const TABLE: ApiRouteTable = {
  fallback: "/api/[...path]",
  routes: [
    { page: "/api/health", regex: "^/api/health(?:/)?$", methods: ["GET"] },
    { page: "/api/v1/events", regex: "^/api/v1/events(?:/)?$", methods: ["OPTIONS", "POST"] },
    { page: "/api/v1/errors/[id]/events/export", regex: "^/api/v1/errors/([^/]+?)/events/export(?:/)?$", methods: ["GET"] },
    { page: "/api/v1/errors/[id]/events/[eventId]", regex: "^/api/v1/errors/([^/]+?)/events/([^/]+?)(?:/)?$", methods: ["DELETE", "GET"] },
    { page: "/api/[projectId]/envelope", regex: "^/api/([^/]+?)/envelope(?:/)?$", methods: ["OPTIONS", "POST"] },
    { page: "/api/[...path]", regex: "^/api/(.+?)(?:/)?$", methods: ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"] },
  ],
};
const routes = apiRouteMatcher(TABLE);
const answer = (method: string, url: string) => {
  const error = routes.refusal(method, url);
  return error && errorPayload(error);
};

describe("apiRouteMatcher", () => {
  it("leaves every method a route takes to Next.js, HEAD with GET and OPTIONS always (Next implements them)", () => {
    for (const [method, url] of [
      ["GET", "/api/health"],
      ["HEAD", "/api/health/"],
      ["OPTIONS", "/api/health"],
      ["POST", "/api/v1/events?key=k"],
      ["GET", "/api/v1/errors/abc/events/export"],
      ["DELETE", "/api/v1/errors/abc/events/e1"],
      ["POST", "/api/42/envelope/"],
    ]) {
      expect(routes.refusal(method, url), `${method} ${url}`).toBeNull();
    }
  });

  it("answers a method the route does not take with 405 naming it, and Allow", () => {
    expect(answer("DELETE", "/api/health?x=1")).toEqual({
      status: 405,
      headers: { allow: "GET, HEAD, OPTIONS" },
      body: { error: { code: "method_not_allowed", message: "DELETE is not allowed on /api/health: use GET, HEAD, OPTIONS", field: "method", method: "DELETE", allow: ["GET", "HEAD", "OPTIONS"] } },
    });
    expect(answer("GET", "/api/v1/events")).toMatchObject({ status: 405, headers: { allow: "OPTIONS, POST" } });
    expect(answer("PUT", "/api/42/envelope/")).toMatchObject({ status: 405, headers: { allow: "OPTIONS, POST" } });
    // The route Next.js would pick: the static segment `export` wins over [eventId].
    expect(answer("DELETE", "/api/v1/errors/abc/events/export")).toMatchObject({ status: 405, headers: { allow: "GET, HEAD, OPTIONS" } });
    // Methods Next.js does not route (it answers them 400 with no body).
    expect(answer("PROPFIND", "/api/health")).toMatchObject({ status: 405, body: { error: { method: "PROPFIND" } } });
  });

  it("leaves unknown paths to the catch-all, except for methods Next.js does not route, and answers /api itself", () => {
    expect(routes.refusal("DELETE", "/api/v1/nope")).toBeNull();
    expect(routes.refusal("GET", "/api/zzz/")).toBeNull();
    expect(answer("PROPFIND", "/api/v1/nope")).toMatchObject({ status: 404, body: { error: { code: "not_found", field: "path", path: "/api/v1/nope" } } });
    expect(answer("GET", "/api")).toMatchObject({ status: 404, body: { error: { path: "/api" } } });
    expect(answer("POST", "/api/")).toMatchObject({ status: 404 });
  });

  it("ignores everything outside /api", () => {
    for (const url of ["/", "/errors/1", "/apis", "/_next/static/x.js", "/api-docs"]) expect(routes.refusal("DELETE", url), url).toBeNull();
  });
});

describe("pathOf", () => {
  it("is the path of a request target or an absolute URL, without query or fragment", () => {
    expect(pathOf("/api/v1/errors?x=1")).toBe("/api/v1/errors");
    expect(pathOf("http://h:3000/api/v1/errors/1#f")).toBe("/api/v1/errors/1");
    expect(pathOf("http://h:3000")).toBe("/");
  });
});

describe("buildApiRouteTable", () => {
  it("takes pages and order from the build's manifests and the methods from the route files", () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), "faultline-routes-"));
    const route = (page: string) => ({ page, regex: `^${page}$` });
    fs.writeFileSync(path.join(dist, "routes-manifest.json"), JSON.stringify({ staticRoutes: [route("/"), route("/api/health")], dynamicRoutes: [route("/api/[projectId]/envelope"), route("/errors/[id]"), route("/api/[...path]")] }));
    const pages = ["/api/health", "/api/[projectId]/envelope", "/api/[...path]"];
    fs.writeFileSync(path.join(dist, "app-path-routes-manifest.json"), JSON.stringify({ ...Object.fromEntries(pages.map((p) => [`${p}/route`, p])), "/page": "/", "/errors/[id]/page": "/errors/[id]" }));
    const table = buildApiRouteTable(path.resolve(import.meta.dirname, "..", ".."), dist);
    expect(table).toEqual({
      fallback: "/api/[...path]",
      routes: [
        { page: "/api/health", regex: "^/api/health$", methods: ["GET"] },
        { page: "/api/[projectId]/envelope", regex: "^/api/[projectId]/envelope$", methods: ["OPTIONS", "POST"] },
        { page: "/api/[...path]", regex: "^/api/[...path]$", methods: ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"] },
      ],
    });
    fs.rmSync(dist, { recursive: true });
  });
});
