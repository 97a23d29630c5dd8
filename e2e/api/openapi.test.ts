import { describe, expect, it } from "vitest";
import { BASE_URL } from "@/e2e/support/tenant";

describe("the API description", () => {
  it("serves the OpenAPI 3.1 document at /api/openapi.json without authentication", async () => {
    const res = await fetch(`${BASE_URL}/api/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/events", "/api/{projectId}/envelope/", "/api/openapi.json"]));
    expect(doc.paths["/api/v1/events"].post.requestBody.content["application/json"].schema.anyOf).toHaveLength(3);
  });

  it("renders it as a readable page at /docs/api", async () => {
    const res = await fetch(`${BASE_URL}/docs/api`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Faultline API");
    expect(html).toContain("/api/v1/workspaces/{workspaceId}/error-tracking");
    // No third-party assets: every script and stylesheet is served by the app itself.
    const external = [...html.matchAll(/(?:src|href)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]).filter((u) => !u.startsWith(BASE_URL));
    expect(external).toEqual([]);
  });
});
