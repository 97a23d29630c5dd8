import { EventEmitter } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { hasApiDotSegments } from "@/lib/http/dotSegmentPath";
import { hasUndecodableApiPath } from "@/lib/http/undecodablePath";
import { serveApiEdges, serveIngest, useApiRoutes } from "@/lib/intake/fastPath";

function fakeExchange(method: string, url: string) {
  const req = Object.assign(new EventEmitter(), { method, url, headers: {}, complete: true }) as unknown as IncomingMessage;
  const sent: { status?: number; headers?: Record<string, unknown>; body?: string } = {};
  const res = {
    destroyed: false,
    headersSent: false,
    writeHead(status: number, headers: Record<string, unknown>) {
      sent.status = status;
      sent.headers = headers;
    },
    end(body?: string) {
      sent.body = body;
    },
  } as unknown as ServerResponse;
  return { req, res, sent };
}

describe("hasUndecodableApiPath", () => {
  it("finds percent-escapes that are not UTF-8 in API paths only", () => {
    expect(hasUndecodableApiPath("/api/v1/errors/%ED%A0%80")).toBe(true);
    expect(hasUndecodableApiPath("/api/v1/errors/%E0%A4%A")).toBe(true);
    expect(hasUndecodableApiPath("/api/%FF/envelope/?sentry_key=k")).toBe(true);
    expect(hasUndecodableApiPath("/api/v1/errors/%")).toBe(true);
    expect(hasUndecodableApiPath("/api/v1/errors/%00")).toBe(false);
    expect(hasUndecodableApiPath("/api/%34%32/envelope/")).toBe(false);
    expect(hasUndecodableApiPath("/api/v1/errors?q=%FF")).toBe(false);
    expect(hasUndecodableApiPath("/errors/%FF")).toBe(false);
    expect(hasUndecodableApiPath(undefined)).toBe(false);
  });
});

describe("hasApiDotSegments", () => {
  it("finds . and .. segments, however spelled, in paths under /api before or after resolving them", () => {
    expect(hasApiDotSegments("/api/v1/errors/x/links/%2e%2e")).toBe(true);
    expect(hasApiDotSegments("/api/v1/errors/x/events/..")).toBe(true);
    expect(hasApiDotSegments("/api/%2e%2e/cron/a/b/")).toBe(true);
    expect(hasApiDotSegments("/api/v1/./events")).toBe(true);
    expect(hasApiDotSegments("/api/v1/events/.%2E?key=k")).toBe(true);
    expect(hasApiDotSegments("/api\\v1\\..\\x")).toBe(true);
    expect(hasApiDotSegments("/x/../api/v1/events")).toBe(true);
    expect(hasApiDotSegments("/api/v1/releases/1.0..2")).toBe(false);
    expect(hasApiDotSegments("/api/v1/errors/x/events/...")).toBe(false);
    expect(hasApiDotSegments("/api/v1/errors?q=..")).toBe(false);
    expect(hasApiDotSegments("/docs/../setup")).toBe(false);
    expect(hasApiDotSegments(undefined)).toBe(false);
  });
});

describe("serveIngest", () => {
  it("answers an API path with dot segments with a JSON 400 (Next.js would resolve them and route elsewhere)", () => {
    for (const [method, url] of [["DELETE", "/api/v1/errors/x/links/%2e%2e"], ["POST", "/api/%2e%2e/cron/a/b/"], ["GET", "/api/v1/errors/g/events/.."], ["POST", "/api/1/envelope/%2E/"]]) {
      const { req, res, sent } = fakeExchange(method, url);
      expect(serveIngest(req, res), `${method} ${url}`).toBe(true);
      expect(sent.status).toBe(400);
      expect(sent.headers).toMatchObject({ "content-type": "application/json" });
      expect(JSON.parse(sent.body ?? "")).toEqual({ error: { code: "bad_request", message: expect.stringMatching(/\. or \.\. segments/), field: "path" } });
    }
  });


  it("answers an API path that does not decode with a JSON 400 instead of handing it to Next.js (a bare 500)", () => {
    for (const [method, url] of [["GET", "/api/v1/errors/%ED%A0%80"], ["POST", "/api/%FF/envelope/?sentry_key=k"], ["DELETE", "/api/v1/projects/%C0%AF"]]) {
      const { req, res, sent } = fakeExchange(method, url);
      expect(serveIngest(req, res)).toBe(true);
      expect(sent.status).toBe(400);
      expect(sent.headers).toMatchObject({ "content-type": "application/json", "x-content-type-options": "nosniff" });
      expect(JSON.parse(sent.body ?? "")).toEqual({ error: { code: "bad_request", message: expect.stringMatching(/percent-encoded/), field: "path" } });
    }
  });

  it("leaves other requests to Next.js", () => {
    const { req, res, sent } = fakeExchange("GET", "/api/v1/errors/00000000-0000-0000-0000-000000000000");
    expect(serveIngest(req, res)).toBe(false);
    expect(sent.status).toBeUndefined();
  });
});

describe("serveApiEdges (with the build's route table)", () => {
  useApiRoutes({
    fallback: "/api/[...path]",
    routes: [
      { page: "/api/v1/events", regex: "^/api/v1/events(?:/)?$", methods: ["OPTIONS", "POST"] },
      { page: "/api/v1/errors/[id]", regex: "^/api/v1/errors/([^/]+?)(?:/)?$", methods: ["GET", "PATCH"] },
      { page: "/api/[...path]", regex: "^/api/(.+?)(?:/)?$", methods: ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"] },
    ],
  });

  it("answers a method the route does not export with a JSON 405 and Allow, ingest routes included", () => {
    for (const [method, url, allow] of [["DELETE", "/api/v1/errors/1", "GET, HEAD, OPTIONS, PATCH"], ["GET", "/api/v1/events", "OPTIONS, POST"], ["PUT", "/api/v1/events?key=k", "OPTIONS, POST"]]) {
      const { req, res, sent } = fakeExchange(method, url);
      expect(serveIngest(req, res), `${method} ${url}`).toBe(true);
      expect(sent.status).toBe(405);
      expect(sent.headers).toMatchObject({ allow, "content-type": "application/json", "x-content-type-options": "nosniff", "x-request-id": expect.any(String) });
      expect(JSON.parse(sent.body ?? "")).toMatchObject({ error: { code: "method_not_allowed", method, allow: allow.split(", ") } });
    }
  });

  it("leaves the methods a route takes, and unknown paths, to Next.js (its catch-all answers 404)", () => {
    for (const [method, url] of [["PATCH", "/api/v1/errors/1"], ["HEAD", "/api/v1/errors/1"], ["OPTIONS", "/api/v1/events"], ["DELETE", "/api/v1/nope"], ["GET", "/dashboard"]]) {
      const { req, res, sent } = fakeExchange(method, url);
      expect(serveApiEdges(req, res), `${method} ${url}`).toBe(false);
      expect(sent.status).toBeUndefined();
    }
  });
});