import { describe, expect, it } from "vitest";
import { agreedCredential } from "@/lib/auth/agreedCredential";
import { readIngestKey } from "@/lib/auth/ingestKeyAuth";
import { readEventsKey } from "@/lib/auth/readEventsKey";
import { ApiError } from "@/lib/http/ApiError";
import { requestKey } from "@/lib/sentry/authenticateSentryRequest";

const req = (url: string, headers: Record<string, string> = {}) => ({ url: `http://faultline.test${url}`, headers: new Headers(headers) });

function conflict(fn: () => unknown): { status: number; code: string; fields: unknown } {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, code: error.code, fields: error.details?.fields };
    throw error;
  }
  throw new Error("no conflict");
}

describe("agreedCredential", () => {
  it("is the one key named, however often", () => {
    expect(agreedCredential([])).toBeUndefined();
    expect(agreedCredential([{ value: "k", field: "a" }, { value: "k", field: "b" }, { value: "k", field: "a" }])).toBe("k");
  });

  it("refuses two different keys with 400 naming each field once", () => {
    expect(conflict(() => agreedCredential([{ value: "k1", field: "a" }, { value: "k2", field: "b" }, { value: "k1", field: "b" }]))).toEqual({ status: 400, code: "conflicting_credentials", fields: ["a", "b"] });
  });
});

describe("native ingest keys", () => {
  it("reads X-Faultline-Key, Authorization: Bearer and ?key= when they agree", () => {
    expect(readIngestKey(req("/api/v1/events", { "x-faultline-key": " k1 " }))).toBe("k1");
    expect(readIngestKey(req("/api/v1/events", { authorization: "Bearer k1" }))).toBe("k1");
    expect(readIngestKey(req("/api/v1/events", { "x-faultline-key": "k1", authorization: "Bearer k1" }))).toBe("k1");
    expect(readEventsKey(req("/api/v1/events?key=k1", { "x-faultline-key": "k1" }))).toBe("k1");
    expect(readEventsKey(req("/api/v1/events?key=k1&key=k1"))).toBe("k1");
    expect(readEventsKey(req("/api/v1/events?monkey=x", { "x-faultline-key": "k1" }))).toBe("k1");
    expect(readIngestKey(req("/api/v1/events", { authorization: "Basic dXNlcjpwYXNz" }))).toBeUndefined();
  });

  it("refuses different keys in two places, or one header sent twice, with 400 naming them", () => {
    expect(conflict(() => readIngestKey(req("/api/v1/events", { "x-faultline-key": "k1", authorization: "Bearer k2" })))).toMatchObject({ status: 400, fields: ["header X-Faultline-Key", "header Authorization"] });
    expect(conflict(() => readIngestKey(req("/api/v1/events", { "x-faultline-key": "k1, k2" })))).toMatchObject({ status: 400, fields: ["header X-Faultline-Key"] });
    expect(conflict(() => readEventsKey(req("/api/v1/events?key=k2", { "x-faultline-key": "k1" })))).toMatchObject({ status: 400, fields: ["header X-Faultline-Key", "query key"] });
    expect(conflict(() => readEventsKey(req("/api/v1/events?key=k1&key=k2")))).toMatchObject({ status: 400, fields: ["query key"] });
    expect(conflict(() => readEventsKey(req("/api/v1/events?%6Bey=k2", { "x-faultline-key": "k1" })))).toMatchObject({ status: 400, fields: ["header X-Faultline-Key", "query key"] });
  });
});

describe("Sentry keys named by the request line and headers", () => {
  it("is the key of X-Sentry-Auth, Authorization: Sentry or ?sentry_key= when they agree", () => {
    expect(requestKey(req("/api/1/envelope/?sentry_key=k1&sentry_version=7"))).toBe("k1");
    expect(requestKey(req("/api/1/envelope/?sentry_key=k1", { "x-sentry-auth": "Sentry sentry_version=7, sentry_key=k1" }))).toBe("k1");
    expect(requestKey(req("/api/1/envelope/", { authorization: "Sentry sentry_key=k1", "x-sentry-auth": "Sentry sentry_key=k1" }))).toBe("k1");
    expect(requestKey(req("/api/1/envelope/", { authorization: "Bearer other" }))).toBeUndefined();
    expect(requestKey(req("/api/1/envelope/"))).toBeUndefined();
  });

  it("refuses different keys with 400 naming the fields, whichever is valid", () => {
    expect(conflict(() => requestKey(req("/api/1/envelope/?sentry_key=k1", { "x-sentry-auth": "Sentry sentry_key=k2" })))).toEqual({ status: 400, code: "conflicting_credentials", fields: ["header X-Sentry-Auth", "query sentry_key"] });
    expect(conflict(() => requestKey(req("/api/1/envelope/", { "x-sentry-auth": "Sentry sentry_key=k1", authorization: "Sentry sentry_key=k2" })))).toMatchObject({ fields: ["header X-Sentry-Auth", "header Authorization"] });
    expect(conflict(() => requestKey(req("/api/1/envelope/?sentry_key=k1&sentry_key=k2")))).toMatchObject({ fields: ["query sentry_key"] });
    // A parameter name percent-encoded is the same parameter.
    expect(conflict(() => requestKey(req("/api/1/envelope/?sentry%5Fkey=k2", { "x-sentry-auth": "Sentry sentry_key=k1" })))).toMatchObject({ fields: ["header X-Sentry-Auth", "query sentry_key"] });
    // A repeated header arrives joined with ", ".
    expect(conflict(() => requestKey(req("/api/1/envelope/", { "x-sentry-auth": "Sentry sentry_key=k1, Sentry sentry_key=k2" })))).toMatchObject({ fields: ["header X-Sentry-Auth"] });
  });
});
