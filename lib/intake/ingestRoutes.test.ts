import { describe, expect, it } from "vitest";
import { matchIngestRoute } from "@/lib/intake/ingestRoutes";

describe("matchIngestRoute", () => {
  it("matches the native and Sentry ingest endpoints as the App Router routes them", () => {
    expect(matchIngestRoute("POST", "/api/v1/events")).toEqual({ door: "events" });
    expect(matchIngestRoute("POST", "/api/v1/events?project=x")).toEqual({ door: "events" });
    expect(matchIngestRoute("POST", "/api/42/envelope/?sentry_key=k&sentry_version=7")).toEqual({ door: "sentry", endpoint: "envelope", publicId: "42", preflight: false });
    expect(matchIngestRoute("POST", "/api/42/store")).toEqual({ door: "sentry", endpoint: "store", publicId: "42", preflight: false });
    expect(matchIngestRoute("POST", "/api/42/minidump/?sentry_key=k")).toEqual({ door: "sentry", endpoint: "minidump", publicId: "42", preflight: false });
    expect(matchIngestRoute("POST", "/api/42/security/?sentry_key=k")).toEqual({ door: "sentry", endpoint: "security", publicId: "42", preflight: false });
    expect(matchIngestRoute("OPTIONS", "/api/42/envelope/")).toEqual({ door: "sentry", endpoint: "envelope", publicId: "42", preflight: true });
    expect(matchIngestRoute("POST", "/api/not-a-number/envelope/")).toMatchObject({ publicId: "not-a-number" });
    expect(matchIngestRoute("POST", "/api/%34%32/envelope/")).toMatchObject({ publicId: "42" });
  });

  it("leaves everything else to Next.js", () => {
    expect(matchIngestRoute("GET", "/api/v1/events")).toBeNull();
    expect(matchIngestRoute("OPTIONS", "/api/v1/events")).toBeNull();
    expect(matchIngestRoute("GET", "/api/42/envelope/")).toBeNull();
    expect(matchIngestRoute("POST", "/api/v1/events/extra")).toBeNull();
    expect(matchIngestRoute("POST", "/api/42/envelope/x")).toBeNull();
    expect(matchIngestRoute("POST", "/api/%E0%A4%A/envelope/")).toBeNull();
    expect(matchIngestRoute("POST", "/api/health")).toBeNull();
    expect(matchIngestRoute("POST", "/")).toBeNull();
  });
});
