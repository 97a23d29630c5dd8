import { describe, expect, it } from "vitest";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";
import { mapSecurityReports, reportScopeOf } from "@/lib/sentry/security/mapSecurityReports";
import { mapSentryEvent } from "@/lib/sentry/mapSentryEvent";

const legacy = (report: Record<string, unknown>) => ({ "csp-report": { "document-uri": "https://shop.example/checkout?step=2", ...report } });

describe("mapSecurityReports", () => {
  it("turns a report-uri violation into an event titled, tagged and fingerprinted by directive and blocked host", () => {
    const [event] = mapSecurityReports(
      legacy({ "effective-directive": "script-src-elem", "blocked-uri": "https://cdn.evil.example/x.js?v=3", "line-number": 12, disposition: "enforce", "original-policy": "script-src 'self'" }),
      "Mozilla/5.0 Firefox/133.0",
    );
    expect(event).toMatchObject({
      level: "warning",
      exception: { values: [{ type: "CSP Violation", value: "Blocked 'script' from 'cdn.evil.example'" }] },
      fingerprint: ["csp", "script-src-elem", "cdn.evil.example"],
      tags: { "csp.directive": "script-src-elem", "csp.blocked": "cdn.evil.example", "csp.disposition": "enforce" },
      request: { url: "https://shop.example/checkout?step=2", headers: { "User-Agent": "Mozilla/5.0 Firefox/133.0" } },
      extra: { csp: { line: 12, policy: "script-src 'self'" } },
    });
    const mapped = mapSentryEvent(event).events[0];
    expect(IngestEventSchema.safeParse(mapped).success).toBe(true);
    expect(mapped).toMatchObject({ type: "CSP Violation", message: "Blocked 'script' from 'cdn.evil.example'", fingerprint: ["csp", "script-src-elem", "cdn.evil.example"] });
  });

  it("puts every report in the environment and release the report URL names (sentry_environment, sentry_release), validated as an SDK's", () => {
    const batch = [
      { type: "csp-violation", body: { documentURL: "https://shop.example/", effectiveDirective: "img-src", blockedURL: "https://a.example/x.png" } },
      { type: "csp-violation", body: { documentURL: "https://shop.example/", effectiveDirective: "img-src", blockedURL: "https://b.example/y.png" } },
    ];
    const scope = reportScopeOf({ sentry_key: "k", sentry_environment: "staging-csp", sentry_release: "web@1.2.3" });
    expect(scope).toEqual({ environment: "staging-csp", release: "web@1.2.3" });
    const mapped = mapSecurityReports(batch, undefined, scope).map((e) => mapSentryEvent(e).events[0]);
    expect(mapped.map((e) => [e.environment, e.release])).toEqual([["staging-csp", "web@1.2.3"], ["staging-csp", "web@1.2.3"]]);
    // Clipped like an SDK's environment; an empty parameter is none.
    const long = mapSentryEvent(mapSecurityReports(legacy({}), undefined, reportScopeOf({ sentry_environment: "e".repeat(100), sentry_release: "" }))[0]).events[0];
    expect(long.environment).toHaveLength(64);
    expect(IngestEventSchema.safeParse(long).success).toBe(true);
    expect(long.release).toBeUndefined();
    expect(mapSecurityReports(legacy({}), undefined)[0]).not.toHaveProperty("environment");
  });

  it("names inline, eval, data: and framing violations; reads old browsers' violated-directive; report-only is info", () => {
    const title = (report: Record<string, unknown>) => (mapSecurityReports(legacy(report), undefined)[0].exception as { values: { value: string }[] }).values[0].value;
    expect(title({ "effective-directive": "style-src-attr", "blocked-uri": "inline" })).toBe("Blocked inline 'inline style'");
    expect(title({ "effective-directive": "script-src", "blocked-uri": "eval" })).toBe("Blocked 'eval' in 'script'");
    expect(title({ "effective-directive": "img-src", "blocked-uri": "data" })).toBe("Blocked 'image' from 'data'");
    expect(title({ "effective-directive": "frame-ancestors", "blocked-uri": "https://framer.example/" })).toBe("Blocked framing of this page by 'framer.example'");
    expect(title({ "violated-directive": "font-src 'self'", "blocked-uri": "https://fonts.example/a.woff2" })).toBe("Blocked 'font' from 'fonts.example'");
    expect(mapSecurityReports(legacy({ "effective-directive": "img-src", "blocked-uri": "https://t.example/", disposition: "report" }), undefined)[0].level).toBe("info");
  });

  it("reads Reporting API batches: every csp-violation, nothing else", () => {
    const events = mapSecurityReports(
      [
        { type: "csp-violation", url: "https://shop.example/", user_agent: "Chrome/131", body: { documentURL: "https://shop.example/", effectiveDirective: "connect-src", blockedURL: "wss://live.example/socket", disposition: "enforce" } },
        { type: "deprecation", body: { id: "UnloadHandler" } },
        { type: "csp-violation", body: { effectiveDirective: "img-src", blockedURL: "https://pixel.example/p.gif" } },
      ],
      "ignored when the report names its own",
    );
    expect(events.map((e) => e.fingerprint)).toEqual([
      ["csp", "connect-src", "live.example"],
      ["csp", "img-src", "pixel.example"],
    ]);
    expect(events[0]).toMatchObject({ request: { headers: { "User-Agent": "Chrome/131" } } });
  });

  it("skips retired report types and answers 400 naming the body for anything else", () => {
    expect(mapSecurityReports({ "expect-ct-report": { hostname: "x" } }, undefined)).toEqual([]);
    expect(() => mapSecurityReports({ hello: "world" }, undefined)).toThrow(/body: expected a CSP report/);
    expect(() => mapSecurityReports("text", undefined)).toThrow(/body: expected a CSP report/);
  });
});
