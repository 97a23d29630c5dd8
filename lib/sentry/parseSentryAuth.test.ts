import { describe, expect, it } from "vitest";
import { parseSentryAuth, sentryKeysOf } from "@/lib/sentry/parseSentryAuth";

describe("parseSentryAuth", () => {
  it("reads the X-Sentry-Auth header", () => {
    expect(parseSentryAuth("Sentry sentry_version=7, sentry_key=abc, sentry_client=sentry.javascript.node/11.0.0")).toEqual({
      key: "abc",
      client: "sentry.javascript.node/11.0.0",
      version: "7",
    });
  });

  it("tolerates a missing or differently cased scheme, quotes, extra fields and odd spacing", () => {
    expect(parseSentryAuth('sentry_key="abc",sentry_version=7 ,  sentry_secret=s3cret, sentry_timestamp=1700000000')).toEqual({ key: "abc", version: "7", timestamp: "1700000000" });
    expect(parseSentryAuth("SENTRY   sentry_key=abc")).toEqual({ key: "abc" });
    expect(parseSentryAuth("Sentry garbage, =x, sentry_key=")).toEqual({});
  });

  it("reads the query string as the v11 SDKs send it", () => {
    expect(parseSentryAuth(null, "sentry_version=7&sentry_key=abc&sentry_client=sentry.javascript.browser%2F11.12.0")).toEqual({
      key: "abc",
      client: "sentry.javascript.browser/11.12.0",
      version: "7",
    });
    expect(parseSentryAuth(undefined, "?sentry_key=abc")).toEqual({ key: "abc" });
    expect(parseSentryAuth(undefined, new URLSearchParams({ sentry_key: "k", sentry_version: "7" }))).toEqual({ key: "k", version: "7" });
  });

  it("prefers the header over the query string, field by field", () => {
    expect(parseSentryAuth("Sentry sentry_key=fromheader", "sentry_key=fromquery&sentry_version=7")).toEqual({ key: "fromheader", version: "7" });
  });

  it("returns an empty object when nothing is there", () => {
    expect(parseSentryAuth()).toEqual({});
    expect(parseSentryAuth("", "")).toEqual({});
    expect(parseSentryAuth(null, "sentry_key=")).toEqual({});
  });

  it("bounds values", () => {
    expect(parseSentryAuth(`Sentry sentry_key=${"k".repeat(1000)}`).key).toHaveLength(256);
  });
});

describe("sentryKeysOf", () => {
  it("lists every sentry_key of a header, also of one sent twice (joined with a comma)", () => {
    expect(sentryKeysOf("Sentry sentry_version=7, sentry_key=abc")).toEqual(["abc"]);
    expect(sentryKeysOf('Sentry sentry_key="a", sentry_version=7, Sentry sentry_key=b')).toEqual(["a", "b"]);
    expect(sentryKeysOf("Sentry sentry_key=, sentry_version=7")).toEqual([]);
    expect(sentryKeysOf(null)).toEqual([]);
    expect(sentryKeysOf(`sentry_key=${"k".repeat(1000)}`)[0]).toHaveLength(256);
  });
});
