import { describe, expect, it } from "vitest";
import { eventSections } from "@/lib/errors/events/eventSections";

describe("eventSections", () => {
  it("reads what a Sentry browser event keeps", () => {
    const sections = eventSections(
      {
        sentry: {
          breadcrumbs: [
            { timestamp: 1767225600.5, category: "ui.click", message: "body > button#buy" },
            { timestamp: "2026-01-01T00:00:01Z", category: "fetch", type: "http", level: "error", data: { method: "GET", status_code: 500 } },
            "junk",
          ],
          request: { url: "http://shop.test/cart?x=1", method: "get", headers: { "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0.0.0 Safari/537.36", Authorization: "[Filtered]" }, query_string: "a=1&b=2" },
          user: { id: "shopper-42", email: "[Filtered]" },
          sdk: { name: "sentry.javascript.browser", version: "11.12.0", packages: [{ name: "npm:@sentry/browser", version: "11.12.0" }], integrations: ["Breadcrumbs", 5] },
          contexts: { trace: { trace_id: "abc" }, empty: {} },
          mechanism: { type: "onerror", handled: false },
          extra: { cart: 3 },
        },
        feature: "billing",
      },
      "shopper-42",
    );
    expect(sections.breadcrumbs).toEqual([
      { at: "2026-01-01T00:00:00.500Z", type: null, category: "ui.click", level: null, message: "body > button#buy", data: null },
      { at: "2026-01-01T00:00:01.000Z", type: "http", category: "fetch", level: "error", message: null, data: { method: "GET", status_code: 500 } },
    ]);
    expect(sections.request).toMatchObject({ method: "GET", url: "http://shop.test/cart?x=1", query: [["a", "1"], ["b", "2"]] });
    expect(sections.request?.headers).toContainEqual(["Authorization", "[Filtered]"]);
    expect(sections.user).toEqual({ id: "shopper-42", email: "[Filtered]" });
    expect(sections.sdk).toEqual({ name: "sentry.javascript.browser", version: "11.12.0", packages: ["npm:@sentry/browser@11.12.0"], integrations: ["Breadcrumbs"] });
    expect(Object.keys(sections.contexts)).toEqual(["trace", "browser", "os", "device"]);
    expect(sections.contexts.browser).toMatchObject({ name: "Chrome", derivedFrom: "User-Agent" });
    expect(sections.mechanism).toEqual({ type: "onerror", handled: false });
    expect(sections.extra).toEqual({ feature: "billing", cart: 3 });
    expect(sections.log).toBeNull();
  });

  it("reads the message an application logged with its exception, and the logger", () => {
    expect(eventSections({ sentry: { message: "billing lookup failed for acct-9", logger: "billing" } }, null).log).toEqual({
      message: "billing lookup failed for acct-9",
      logger: "billing",
    });
    expect(eventSections({ sentry: { logger: "billing" } }, null).log).toEqual({ message: null, logger: "billing" });
    expect(eventSections({ sentry: { message: { nested: true }, logger: 7 } }, null).log).toEqual({ message: null, logger: "7" });
  });

  it("copes with native events and junk", () => {
    expect(eventSections({}, "u-1")).toEqual({ log: null, breadcrumbs: [], request: null, user: { id: "u-1" }, contexts: {}, sdk: null, mechanism: null, extra: null, threads: [], modules: [], dist: null, timestampCorrection: null, proguard: null, nativeSymbols: null });
    expect(eventSections("junk", null).user).toBeNull();
    expect(eventSections({ sentry: { breadcrumbs: { values: [{ timestamp: 1e20 }] } } }, null).breadcrumbs).toEqual([
      { at: null, type: null, category: null, level: null, message: null, data: null },
    ]);
  });

  it("reads the record of a corrected timestamp, and nothing else under that name", () => {
    const read = (correction: unknown) => eventSections({ sentry: { timestamp_correction: correction } }, null).timestampCorrection;
    expect(read({ reason: "clock_drift", sent: "2026-01-01T00:00:00.000Z", driftSeconds: -3600 })).toEqual({ reason: "clock_drift", sent: "2026-01-01T00:00:00.000Z", driftSeconds: -3600 });
    expect(read({ reason: "too_old", sent: "1970-01-01T00:00:00.000Z" })).toEqual({ reason: "too_old", sent: "1970-01-01T00:00:00.000Z" });
    expect(read({ reason: "clock_drift", sent: "2026-01-01T00:00:00.000Z", driftSeconds: "x" })).toEqual({ reason: "clock_drift", sent: "2026-01-01T00:00:00.000Z" });
    for (const junk of [undefined, "x", [], { reason: "other", sent: "2026-01-01T00:00:00Z" }, { reason: "too_old" }, { reason: "too_old", sent: "never" }]) expect(read(junk)).toBeNull();
  });
});

describe("eventSections: cookies", () => {
  const cookiesOf = (cookies: unknown) => eventSections({ sentry: { request: { url: "http://shop.test/", cookies } } }, null).request?.cookies;
  it("reads the Cookie header's text at its semicolons, an object and pairs", () => {
    expect(cookiesOf("theme=dark; lang=en-GB;flag")).toEqual([["theme", "dark"], ["lang", "en-GB"], ["", "flag"]]);
    expect(cookiesOf({ theme: "dark" })).toEqual([["theme", "dark"]]);
    expect(cookiesOf([["theme", "dark"]])).toEqual([["theme", "dark"]]);
  });
  it("shows cookies hidden whole at ingest as one hidden value, not a cookie named [Filtered]", () => {
    expect(cookiesOf("[Filtered]")).toEqual([["", "[Filtered]"]]);
  });
});

describe("eventSections: contexts", () => {
  it("does not repeat a context the SDK sent under another name as one read from the User-Agent", () => {
    const contexts = eventSections({ sentry: { contexts: { rust: { type: "runtime", name: "rustc", version: "1.80.0" } } } }, null).contexts;
    expect(Object.keys(contexts)).toEqual(["rust"]);
  });
});

describe("eventSections: packages and dist", () => {
  it("lists the installed packages by name with their versions, and the release's dist", () => {
    const sections = eventSections({ sentry: { modules: { requests: "2.32.3", Django: "5.1.2", "": "x", numpy: 2 }, dist: "4217" } }, null);
    expect(sections.modules).toEqual([
      { name: "Django", version: "5.1.2" },
      { name: "numpy", version: "2" },
      { name: "requests", version: "2.32.3" },
    ]);
    expect(sections.dist).toBe("4217");
    expect(sections.extra).toBeNull();
  });

  it("reads a list of { name, version } too, and nothing from junk", () => {
    expect(eventSections({ sentry: { modules: [{ name: "serde", version: "1.0.210" }, { version: "1" }, "x"] } }, null).modules).toEqual([{ name: "serde", version: "1.0.210" }]);
    expect(eventSections({ sentry: { modules: "x", dist: { a: 1 } } }, null)).toMatchObject({ modules: [], dist: null });
  });
});

describe("eventSections: native symbols", () => {
  it("reads which debug IDs a native event was symbolicated with and which had no symbols; not shown as extra", () => {
    const image = { debugId: "9b7a3c1e-5d4f-4a2b-8c6d-1a2b3c4d5e6f-1", imageAddr: "0x140000000" };
    const sections = eventSections({ nativeSymbols: { symbolicated: ["3e5a0e68-d4be-8e6f-2f01-1bf9c5c8f5b3"], missing: ["9b7a3c1e-5d4f-4a2b-8c6d-1a2b3c4d5e6f-1", 7], images: [image, { debugId: "x", imageAddr: "nope" }] } }, null);
    expect(sections.nativeSymbols).toEqual({ symbolicated: ["3e5a0e68-d4be-8e6f-2f01-1bf9c5c8f5b3"], missing: ["9b7a3c1e-5d4f-4a2b-8c6d-1a2b3c4d5e6f-1"], images: [image], symbolicatedWhenViewed: [] });
    expect(sections.extra).toBeNull();
    expect(eventSections({ nativeSymbols: { symbolicated: [], missing: "x" } }, null).nativeSymbols).toBeNull();
  });
});
