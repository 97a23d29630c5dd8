import { describe, expect, it } from "vitest";
import { applyInboundFilters } from "@/lib/ingest/filters/applyInboundFilters";
import { InboundFiltersSchema, parseStoredFilters } from "@/lib/ingest/filters/inboundFilterSchema";
import { hasInboundFilters, matchInboundFilter, type FilterableEvent } from "@/lib/ingest/filters/matchInboundFilter";
import { prepareEvent } from "@/lib/ingest/prepareEvent";

const ALL = InboundFiltersSchema.parse({ browserExtensions: true, localhost: true, webCrawlers: true, legacyBrowsers: true, errorMessages: ["*ResizeObserver loop*", "ChunkLoadError: *"], releases: ["*-dev", "web@0.*"] });
const NONE = InboundFiltersSchema.parse({});

const UA = {
  chrome: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  headless: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
  googlebot: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  bingbot: "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36",
  cubotPhone: "Mozilla/5.0 (Linux; Android 10; CUBOT X19) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
  ie11: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko",
  edgeHtml: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19582",
  safari10: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_12_6) AppleWebKit/603.3.8 (KHTML, like Gecko) Version/10.1.2 Safari/603.3.8",
  safari17: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
  operaMini: "Opera/9.80 (J2ME/MIDP; Opera Mini/9.80 (S60; SymbOS; Opera Mobi/23.348; U; en) Presto/2.5.25 Version/10.54",
};

function event(over: Partial<FilterableEvent> = {}): FilterableEvent {
  return { type: "TypeError", message: "x is undefined", release: "web@1.2.0", frames: [{ function: "render", absPath: "https://shop.example/app.js", lineno: 1, colno: 2 }], exceptions: null, metadata: {}, ...over };
}
/** A Sentry browser SDK's event: the page and User-Agent in its request interface. */
const sentryFrom = (ua: string, url = "https://shop.example/cart") => ({ sentry: { request: { url, headers: { "User-Agent": ua } } } });
/** The Faultline browser client's event: both under context.runtime. */
const clientFrom = (ua: string, url = "https://shop.example/cart") => ({ runtime: { name: "browser", userAgent: ua, url } });

describe("inbound filters", () => {
  it("keep everything while all are off, and an ordinary modern-browser event with all on", () => {
    expect(hasInboundFilters(NONE)).toBe(false);
    expect(matchInboundFilter(event({ metadata: sentryFrom(UA.googlebot, "http://localhost:3000/") }), NONE)).toBeNull();
    expect(hasInboundFilters(ALL)).toBe(true);
    expect(matchInboundFilter(event({ metadata: sentryFrom(UA.chrome) }), ALL)).toBeNull();
    expect(matchInboundFilter(event({ metadata: clientFrom(UA.safari17) }), ALL)).toBeNull();
  });

  it("drop errors thrown in a browser extension, or known to come from injected scripts", () => {
    const inExtension = [{ function: "render", absPath: "https://shop.example/app.js" }, { function: "scan", absPath: "chrome-extension://abcdefgh/content.js", lineno: 3, colno: 9 }];
    expect(matchInboundFilter(event({ frames: inExtension }), ALL)).toBe("browser-extension");
    expect(matchInboundFilter(event({ frames: [{ function: "x", filename: "moz-extension://1234/inject.js" }] }), ALL)).toBe("browser-extension");
    expect(matchInboundFilter(event({ frames: [{ absPath: "webkit-masked-url://hidden/" }] }), ALL)).toBe("browser-extension");
    expect(matchInboundFilter(event({ message: "Can't find variable: __gCrWeb" }), ALL)).toBe("browser-extension");
    // An extension calling into the page: the page's own code threw.
    expect(matchInboundFilter(event({ frames: [...inExtension].reverse() }), ALL)).toBeNull();
  });

  it("drop events of pages served from this machine", () => {
    for (const url of ["http://localhost:3000/cart", "http://127.0.0.1:8080/", "http://[::1]/", "http://shop.localhost/", "http://0.0.0.0:5173/"]) {
      expect(matchInboundFilter(event({ metadata: sentryFrom(UA.chrome, url) }), ALL), url).toBe("localhost");
    }
    expect(matchInboundFilter(event({ metadata: clientFrom(UA.chrome, "http://localhost:5173/") }), ALL)).toBe("localhost");
    expect(matchInboundFilter(event({ metadata: sentryFrom(UA.chrome, "https://localhost-shop.example/") }), ALL)).toBeNull();
    expect(matchInboundFilter(event({ metadata: sentryFrom(UA.chrome, "not a url") }), ALL)).toBeNull();
  });

  it("drop crawlers by User-Agent, never a headless browser or a phone whose brand ends in 'bot'", () => {
    expect(matchInboundFilter(event({ metadata: sentryFrom(UA.googlebot) }), ALL)).toBe("web-crawler");
    expect(matchInboundFilter(event({ metadata: clientFrom(UA.bingbot) }), ALL)).toBe("web-crawler");
    expect(matchInboundFilter(event({ metadata: { sentry: { request: { headers: [["user-agent", "SomeCrawler/1.0 (+https://crawler.example/about)"]] } } } }), ALL)).toBe("web-crawler");
    expect(matchInboundFilter(event({ metadata: sentryFrom(UA.headless) }), ALL)).toBeNull();
    expect(matchInboundFilter(event({ metadata: sentryFrom(UA.cubotPhone) }), ALL)).toBeNull();
  });

  it("drop legacy browsers: Internet Explorer, EdgeHTML, Opera Mini, browsers older than ES2017", () => {
    for (const ua of [UA.ie11, UA.edgeHtml, UA.safari10, UA.operaMini]) expect(matchInboundFilter(event({ metadata: sentryFrom(ua) }), ALL), ua).toBe("legacy-browser");
    // An SDK's own browser context counts too.
    expect(matchInboundFilter(event({ metadata: { sentry: { contexts: { browser: { name: "Firefox", version: "45.0" } } } } }), ALL)).toBe("legacy-browser");
    expect(matchInboundFilter(event({ metadata: { sentry: { contexts: { browser: { name: "Firefox", version: "133.0" } } } } }), ALL)).toBeNull();
  });

  it("drop errors whose message or release matches a pattern", () => {
    expect(matchInboundFilter(event({ type: "Error", message: "ResizeObserver loop completed with undelivered notifications." }), ALL)).toBe("error-message");
    expect(matchInboundFilter(event({ type: "ChunkLoadError", message: "Loading chunk 42 failed." }), ALL)).toBe("error-message");
    expect(matchInboundFilter(event({ type: "Error", message: "ChunkLoadError: Loading chunk 42 failed." }), ALL)).toBe("error-message");
    expect(matchInboundFilter(event({ release: "web@1.2.0-dev" }), ALL)).toBe("release");
    expect(matchInboundFilter(event({ release: "web@0.9.1" }), ALL)).toBe("release");
    expect(matchInboundFilter(event({ release: "web@10.0.0" }), ALL)).toBeNull();
    expect(matchInboundFilter(event({ release: null }), ALL)).toBeNull();
  });

  it("refuse bad settings naming the field, and read a hand-broken stored value as no filters", () => {
    const bad = InboundFiltersSchema.safeParse({ localhost: "yes", errorMessages: [""], extra: true });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join(".") || i.message).sort()).toEqual(expect.arrayContaining(["errorMessages.0", "localhost"]));
    expect(parseStoredFilters({ localhost: "yes" })).toEqual(NONE);
    expect(parseStoredFilters(null)).toEqual(NONE);
  });
});

describe("applyInboundFilters", () => {
  const prepared = (eventId: string, fingerprint: string, release: string | null = null) =>
    ({ ...prepareEvent({ type: "Error", message: "m", eventId, release: release ?? undefined } as never), fingerprint });

  it("splits a request's events into kept (with their positions) and dropped with the reason; a discarded issue's fingerprint first", () => {
    const events = [prepared("a".repeat(32), "f-keep"), prepared("b".repeat(32), "f-discarded"), prepared("c".repeat(32), "f-keep", "web@1-dev")];
    const out = applyInboundFilters(events, { filters: ALL, discarded: new Set(["f-discarded"]) });
    expect(out.kept.map((e) => e.eventId)).toEqual(["a".repeat(32)]);
    expect(out.keptPositions).toEqual([0]);
    expect(out.filtered).toEqual([
      { position: 1, eventId: "b".repeat(32), fingerprint: "f-discarded", reason: "discarded" },
      { position: 2, eventId: "c".repeat(32), fingerprint: "f-keep", reason: "release" },
    ]);
    // Nothing on: the same array back, untouched.
    expect(applyInboundFilters(events, { filters: NONE, discarded: new Set() }).kept).toBe(events);
  });

  it("drops an event whose fingerprint before a grouping upgrade is a discarded issue's, counted under that one", () => {
    const upgraded = { ...prepared("d".repeat(32), "f-new"), previousFingerprint: "f-discarded" };
    const out = applyInboundFilters([upgraded, { ...prepared("e".repeat(32), "f-new"), previousFingerprint: "f-other" }], { filters: NONE, discarded: new Set(["f-discarded"]) });
    expect(out.filtered).toEqual([{ position: 0, eventId: "d".repeat(32), fingerprint: "f-discarded", reason: "discarded" }]);
    expect(out.keptPositions).toEqual([1]);
  });
});
