import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/ApiError";
import { assertSameOrigin } from "@/lib/http/assertSameOrigin";

const req = (method: string, headers: Record<string, string>, path = "/api/v1/errors/x") =>
  new Request(`http://127.0.0.1:3000${path}`, { method, headers: { host: "127.0.0.1:3000", ...headers } });

function status(r: Request, publicUrl?: string): number {
  try {
    assertSameOrigin(r, publicUrl);
    return 200;
  } catch (error) {
    return (error as ApiError).status;
  }
}

describe("assertSameOrigin (CSRF)", () => {
  it("lets safe methods and same-origin mutations through", () => {
    expect(status(req("GET", { "sec-fetch-site": "cross-site" }))).toBe(200);
    expect(status(req("PATCH", { "sec-fetch-site": "same-origin", origin: "http://127.0.0.1:3000" }))).toBe(200);
    expect(status(req("POST", { origin: "http://127.0.0.1:3000" }))).toBe(200);
    expect(status(req("DELETE", {}))).toBe(200);
  });

  it("refuses cross-site mutations by Sec-Fetch-Site or Origin", () => {
    expect(status(req("PATCH", { "sec-fetch-site": "cross-site" }))).toBe(403);
    expect(status(req("POST", { "sec-fetch-site": "same-site" }))).toBe(403);
    expect(status(req("DELETE", { origin: "https://evil.example" }))).toBe(403);
    expect(status(req("POST", { origin: "null" }))).toBe(403);
    expect(status(req("POST", { origin: "http://127.0.0.1:3001" }))).toBe(403);
  });

  it("accepts the public URL's origin behind a proxy", () => {
    expect(status(req("POST", { origin: "https://faultline.example.com" }), "https://faultline.example.com")).toBe(200);
    expect(status(req("POST", { origin: "https://faultline.example.com", "x-forwarded-host": "faultline.example.com" }))).toBe(200);
  });

  it("exempts ingest endpoints and key-authenticated calls", () => {
    expect(status(req("POST", { "sec-fetch-site": "cross-site" }, "/api/v1/events"))).toBe(200);
    expect(status(req("POST", { "sec-fetch-site": "cross-site" }, "/api/v1/executions/"))).toBe(200);
    expect(status(req("PATCH", { "sec-fetch-site": "cross-site", "x-faultline-key": "k" }))).toBe(200);
    expect(status(req("PATCH", { "sec-fetch-site": "cross-site", authorization: "Bearer k" }))).toBe(200);
  });
});
