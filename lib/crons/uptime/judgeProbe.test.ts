import { describe, expect, it } from "vitest";
import { describeUptimeCheck } from "@/lib/crons/uptime/describeUptimeCheck";
import { headerLines, parseHeaderLines } from "@/lib/crons/uptime/headerLines";
import { judgeProbe } from "@/lib/crons/uptime/judgeProbe";
import { parseStatusRanges } from "@/lib/crons/uptime/statusRanges";
import { readUptimeCheck, UptimeCheckSchema } from "@/lib/crons/uptime/uptimeCheckSchema";

const now = new Date("2026-12-06T12:00:00Z");
const check = (settings: Record<string, unknown> = {}) => UptimeCheckSchema.parse(settings);
const ok = { status: 200, statusText: "OK" };

describe("judgeProbe", () => {
  it("counts 2xx and 3xx as up unless the monitor names its statuses", () => {
    expect(judgeProbe(ok, check(), now)).toEqual({ ok: true, detail: "HTTP 200 OK" });
    expect(judgeProbe({ status: 304, statusText: "Not Modified" }, check(), now).ok).toBe(true);
    expect(judgeProbe({ status: 503, statusText: "Service Unavailable" }, check(), now)).toEqual({ ok: false, detail: "HTTP 503 Service Unavailable" });
    expect(judgeProbe({ status: 401, statusText: "Unauthorized" }, check({ expectedStatus: "200, 401" }), now)).toEqual({ ok: true, detail: "HTTP 401 Unauthorized" });
    expect(judgeProbe({ status: 302, statusText: "Found" }, check({ expectedStatus: "2xx" }), now)).toEqual({ ok: false, detail: "HTTP 302 Found (expected 2xx)" });
  });

  it("looks for the keyword in the body, or for its absence", () => {
    expect(judgeProbe({ ...ok, body: "<h1>Welcome to the shop</h1>" }, check({ keyword: "Welcome" }), now).ok).toBe(true);
    expect(judgeProbe({ ...ok, body: "<h1>Maintenance</h1>" }, check({ keyword: "Welcome" }), now)).toEqual({ ok: false, detail: 'HTTP 200 OK, but "Welcome" is not in the body' });
    expect(judgeProbe({ ...ok, body: '{"status":"degraded"}' }, check({ keyword: "degraded", keywordAbsent: true }), now)).toEqual({
      ok: false,
      detail: 'HTTP 200 OK, but the body contains "degraded"',
    });
    expect(judgeProbe({ ...ok, body: '{"status":"ok"}' }, check({ keyword: "degraded", keywordAbsent: true }), now).ok).toBe(true);
  });

  it("fails a check whose certificate expires within the warning, saying when", () => {
    const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);
    expect(judgeProbe({ ...ok, certificateValidTo: inDays(30) }, check(), now).ok).toBe(true);
    expect(judgeProbe({ ...ok, certificateValidTo: inDays(5.5) }, check(), now)).toEqual({ ok: false, detail: "HTTP 200 OK, but the TLS certificate expires in 5 days (2026-12-12)" });
    expect(judgeProbe({ ...ok, certificateValidTo: inDays(1.2) }, check(), now).detail).toMatch(/expires in 1 day \(/);
    expect(judgeProbe({ ...ok, certificateValidTo: inDays(0.2) }, check(), now).detail).toMatch(/expires today/);
    expect(judgeProbe({ ...ok, certificateValidTo: inDays(-3) }, check({ ignoreTlsErrors: true }), now)).toEqual({ ok: false, detail: "HTTP 200 OK, but the TLS certificate expired on 2026-12-03" });
    expect(judgeProbe({ ...ok, certificateValidTo: inDays(5) }, check({ certificateExpiryDays: 0 }), now).ok).toBe(true);
    expect(judgeProbe({ ...ok, certificateValidTo: inDays(40) }, check({ certificateExpiryDays: 60 }), now).ok).toBe(false);
  });

  it("reports the status before the keyword, and the keyword before the certificate", () => {
    const all = { status: 500, statusText: "Internal Server Error", body: "", certificateValidTo: now };
    expect(judgeProbe(all, check({ keyword: "x" }), now).detail).toBe("HTTP 500 Internal Server Error");
    expect(judgeProbe({ ...all, status: 200, statusText: "OK" }, check({ keyword: "x" }), now).detail).toMatch(/"x" is not in the body/);
  });
});

describe("uptime check settings", () => {
  it("fill defaults, and read what no longer parses as the defaults", () => {
    expect(readUptimeCheck({})).toEqual({ method: "GET", keywordAbsent: false, timeoutSeconds: 10, certificateExpiryDays: 14, ignoreTlsErrors: false });
    expect(readUptimeCheck({ keyword: "ok", timeoutSeconds: 3 })).toMatchObject({ keyword: "ok", timeoutSeconds: 3 });
    expect(readUptimeCheck({ timeoutSeconds: "soon" })).toEqual(readUptimeCheck(null));
  });

  it("name a bad expected status", () => {
    const result = UptimeCheckSchema.safeParse({ expectedStatus: "200-299, ok" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["expectedStatus"]);
  });
});

describe("parseStatusRanges", () => {
  it("reads codes, ranges and families", () => {
    expect(parseStatusRanges("200-299, 301 4xx")).toEqual([
      { from: 200, to: 299 },
      { from: 301, to: 301 },
      { from: 400, to: 499 },
    ]);
  });

  it("refuses what is not a status", () => {
    for (const text of ["", "ok", "99", "600", "299-200", "200-", "6xx", "2xxx"]) expect(parseStatusRanges(text), text).toBeUndefined();
  });
});

describe("describeUptimeCheck", () => {
  it("names what differs from the defaults", () => {
    expect(describeUptimeCheck(check())).toBe("");
    expect(describeUptimeCheck(check({ expectedStatus: "200, 401", keyword: "Welcome", timeoutSeconds: 5, certificateExpiryDays: 0 }))).toBe(
      'expects 200, 401 · "Welcome" in the body · 5 s timeout · no certificate warning',
    );
    expect(describeUptimeCheck(check({ keyword: "error", keywordAbsent: true, certificateExpiryDays: 30 }))).toBe('"error" not in the body · certificate warning 30 days ahead');
  });
});

describe("header lines", () => {
  it("read Name: value lines and write them back", () => {
    expect(parseHeaderLines("Authorization: Bearer a:b\n\n  X-Api-Key :  k1 ")).toEqual({ headers: { Authorization: "Bearer a:b", "X-Api-Key": "k1" } });
    expect(parseHeaderLines("Authorization Bearer x")).toEqual({ invalid: "Authorization Bearer x" });
    expect(parseHeaderLines(": x")).toEqual({ invalid: ": x" });
    expect(headerLines({ Authorization: "••••", "X-Env": "prod" })).toBe("Authorization: ••••\nX-Env: prod");
  });
});
