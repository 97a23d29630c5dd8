import { describe, expect, it } from "vitest";
import { routeOf } from "@/lib/http/routeOf";

describe("routeOf", () => {
  it("replaces ids with :id and drops the query, for absolute and relative URLs", () => {
    expect(routeOf("http://h/api/v1/errors/0190a000-0000-7000-8000-000000000001?x=1")).toBe("/api/v1/errors/:id");
    expect(routeOf("/api/42/envelope/?sentry_key=abc")).toBe("/api/:id/envelope/");
    expect(routeOf("/api/v1/events/deadbeefdeadbeefdeadbeefdeadbeef")).toBe("/api/v1/events/:id");
    expect(routeOf("http://h/api/v1/me")).toBe("/api/v1/me");
    expect(routeOf("/openapi.json")).toBe("/openapi.json");
    expect(routeOf("/api/v1/memberships/0190a000-0000-7000-8000-000000000001/password-reset")).toBe("/api/v1/memberships/:id/password-reset");
  });

  it("never keeps a link token or anything else that is not a plain lowercase word", () => {
    const token = "sfPiyC8cG7uNMKhOUxiXsT2NXRklOh9DQ_RwfjpED4E";
    expect(routeOf(`/api/v1/invitations/${token}/accept`)).toBe("/api/v1/invitations/:id/accept");
    expect(routeOf(`/api/v1/password-resets/${token}`)).toBe("/api/v1/password-resets/:id");
    expect(routeOf("/api/v1/users/someone%40example.com")).toBe("/api/v1/users/:id");
    expect(routeOf(`/api/v1/x/${"a".repeat(41)}`)).toBe("/api/v1/x/:id");
  });

  it("answers (unparsable) for what is not a URL, and caps the length", () => {
    expect(routeOf("http://[")).toBe("(unparsable)");
    expect(routeOf(`/${"a/".repeat(300)}`).length).toBe(200);
  });
});
