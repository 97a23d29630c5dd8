import { describe, expect, it } from "vitest";
import { eventContexts, eventTags, MAX_ROLLUP_TAGS } from "@/lib/ingest/eventTags";
import { parseUserAgent } from "@/lib/ingest/parseUserAgent";

const CHROME_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.71 Safari/537.36";

describe("parseUserAgent", () => {
  it("reads common browsers and systems", () => {
    expect(parseUserAgent(CHROME_LINUX)).toEqual({ browser: { name: "Chrome", version: "120.0.6099.71" }, os: { name: "Linux" }, device: "Desktop" });
    expect(parseUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.61")).toMatchObject({
      browser: { name: "Edge", version: "120.0.2210.61" },
      os: { name: "Windows", version: "10" },
    });
    expect(parseUserAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1.2 Mobile/15E148 Safari/604.1")).toEqual({
      browser: { name: "Safari", version: "17.1.2" },
      os: { name: "iOS", version: "17.1.2" },
      device: "Mobile",
    });
    expect(parseUserAgent("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.1; rv:120.0) Gecko/20100101 Firefox/120.0")).toMatchObject({ browser: { name: "Firefox" }, os: { name: "macOS", version: "14.1" } });
    expect(parseUserAgent("Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0 Safari/537.36")).toMatchObject({ os: { name: "Android", version: "14" }, device: "Tablet" });
    expect(parseUserAgent("curl/8.4.0")).toEqual({});
    expect(parseUserAgent("")).toEqual({});
  });
});

describe("eventTags", () => {
  it("derives browser and OS from the request's User-Agent and lists the event's own tags after ours", () => {
    const tags = eventTags({
      environment: "production",
      release: "web@1.2.0",
      userId: "u-1",
      tags: { route: "/checkout", release: "ignored: derived wins", count: 3, flag: true, nested: { a: 1 } },
      metadata: { sentry: { request: { headers: { "User-Agent": CHROME_LINUX } } } },
    });
    expect(tags).toEqual([
      ["environment", "production"],
      ["release", "web@1.2.0"],
      ["user", "u-1"],
      ["browser", "Chrome 120"],
      ["browser.name", "Chrome"],
      ["os", "Linux"],
      ["os.name", "Linux"],
      ["device", "Desktop"],
      ["route", "/checkout"],
      ["count", "3"],
      ["flag", "true"],
    ]);
  });

  it("keeps an own tag named like a derived one when nothing was derived for it", () => {
    const tags = eventTags({ environment: null, release: "r1", userId: null, tags: { release: "ignored", device: "iPhone15,2", environment: "staging" }, metadata: {} });
    expect(tags).toEqual([
      ["release", "r1"],
      ["device", "iPhone15,2"],
      ["environment", "staging"],
    ]);
  });

  it("prefers the SDK's contexts, and keeps at most the first 50 own tags, clipped", () => {
    const own = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`t${i}`, "v".repeat(300)]));
    const tags = eventTags({
      environment: null,
      release: null,
      userId: null,
      tags: own,
      metadata: { sentry: { contexts: { os: { name: "Ubuntu", version: "22.04" }, runtime: { name: "node", version: "v20.10.0" }, device: { model: "Pixel 8" } } } },
    });
    expect(tags.slice(0, 5)).toEqual([["os", "Ubuntu 22.04"], ["os.name", "Ubuntu"], ["device", "Pixel 8"], ["runtime", "node v20.10.0"], ["runtime.name", "node"]]);
    expect(tags.length).toBe(5 + MAX_ROLLUP_TAGS);
    expect(tags.every(([, v]) => v.length <= 200)).toBe(true);
  });

  it("reads the runtime, OS, browser and device of contexts keyed by what they describe, by their type", () => {
    const tagsOf = (contexts: Record<string, unknown>) => eventTags({ environment: null, release: null, userId: null, tags: {}, metadata: { sentry: { contexts } } });
    // sentry-rust
    expect(tagsOf({ os: { name: "Linux", version: "6.8" }, rust: { type: "runtime", name: "rustc", version: "1.80.0", channel: "stable" } })).toContainEqual(["runtime", "rustc 1.80.0"]);
    // sentry-dart / sentry-flutter: the first runtime it lists
    const flutter = tagsOf({ flutter: { type: "runtime", name: "Flutter", version: "3.24.0" }, dart: { type: "runtime", name: "Dart", version: "3.5.0" } });
    expect(flutter).toContainEqual(["runtime", "Flutter 3.24.0"]);
    expect(flutter).toContainEqual(["runtime.name", "Flutter"]);
    // A context under its own name wins over one found by type; a typed one without a name is skipped.
    expect(tagsOf({ runtime: { name: "CPython", version: "3.12.1" }, other: { type: "runtime", name: "x" } })).toContainEqual(["runtime", "CPython 3.12.1"]);
    expect(tagsOf({ a: { type: "runtime" }, b: { type: "runtime", name: "Mono", version: "6.12" } })).toContainEqual(["runtime", "Mono 6.12"]);
    expect(tagsOf({ host_os: { type: "os", name: "Windows", version: "11" }, chrome: { type: "browser", name: "Chrome", version: "120.0" }, phone: { type: "device", model: "SM-G991B" } })).toEqual([
      ["browser", "Chrome 120"],
      ["browser.name", "Chrome"],
      ["os", "Windows 11"],
      ["os.name", "Windows"],
      ["device", "SM-G991B"],
    ]);
  });

  it("ignores junk shapes", () => {
    expect(eventTags({ environment: " ", release: null, userId: null, tags: ["a"], metadata: "x" })).toEqual([]);
    expect(eventContexts({ sentry: { contexts: { browser: { name: 5 } }, request: { headers: [["user-agent", CHROME_LINUX]] } } })).toMatchObject({ browser: { name: "Chrome" } });
  });
});

describe("eventTags of a Sentry event", () => {
  it("adds handled, mechanism, logger, server_name, transaction and the request URL without its query", () => {
    const tags = eventTags({
      environment: null,
      release: null,
      userId: null,
      tags: { handled: "own value loses", shard: "b" },
      metadata: {
        sentry: {
          mechanism: { type: "logging", handled: false },
          logger: "billing",
          server_name: "web-3",
          transaction: "/orders/{id}",
          request: { url: "https://shop.example.com/orders/17?token=[Filtered]#top" },
        },
      },
    });
    expect(tags).toEqual([
      ["handled", "no"],
      ["mechanism", "logging"],
      ["logger", "billing"],
      ["server_name", "web-3"],
      ["transaction", "/orders/{id}"],
      ["url", "https://shop.example.com/orders/17"],
      ["shard", "b"],
    ]);
  });

  it("derives nothing from fields of the wrong shape", () => {
    const tags = eventTags({
      environment: null,
      release: null,
      userId: null,
      tags: {},
      metadata: { sentry: { mechanism: { type: 3, handled: "yes" }, logger: { a: 1 }, server_name: "  ", transaction: ["x"], request: { url: "?only=query" } } },
    });
    expect(tags).toEqual([]);
  });
});
