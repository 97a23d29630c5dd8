import { describe, expect, it } from "vitest";
import { bodyContentType } from "@/lib/crons/uptime/probeUrl";
import { describeUptimeCheck } from "@/lib/crons/uptime/describeUptimeCheck";
import { UptimeCheckSchema, readUptimeCheck } from "@/lib/crons/uptime/uptimeCheckSchema";

describe("UptimeCheckSchema: method and body", () => {
  it("defaults to GET, also for checks stored before the method existed", () => {
    expect(UptimeCheckSchema.parse({}).method).toBe("GET");
    expect(readUptimeCheck({ keyword: "Welcome", keywordAbsent: false, timeoutSeconds: 10, certificateExpiryDays: 14, ignoreTlsErrors: false })).toMatchObject({ method: "GET", keyword: "Welcome" });
  });

  it("takes a body only with a method that carries one, and a keyword not with HEAD", () => {
    expect(UptimeCheckSchema.safeParse({ method: "POST", body: '{"query":"{ health }"}' }).success).toBe(true);
    expect(UptimeCheckSchema.safeParse({ method: "DELETE", body: "" }).success).toBe(true);
    const get = UptimeCheckSchema.safeParse({ method: "GET", body: "x" });
    expect(get.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["body", "a GET request has no body: use POST, PUT, PATCH or DELETE"]]);
    const head = UptimeCheckSchema.safeParse({ method: "HEAD", keyword: "ok" });
    expect(head.error?.issues.map((i) => i.path.join("."))).toEqual(["keyword"]);
    expect(UptimeCheckSchema.safeParse({ method: "TRACE" }).success).toBe(false);
    expect(UptimeCheckSchema.safeParse({ method: "POST", body: "x".repeat(64 * 1024 + 1) }).success).toBe(false);
  });

  it("says what it sends in the monitor's summary", () => {
    expect(describeUptimeCheck(UptimeCheckSchema.parse({}))).toBe("");
    expect(describeUptimeCheck(UptimeCheckSchema.parse({ method: "HEAD" }))).toBe("HEAD");
    expect(describeUptimeCheck(UptimeCheckSchema.parse({ method: "POST", body: "{}", expectedStatus: "200" }))).toBe("POST with a body · expects 200");
  });

  it("types a body as JSON when it parses as JSON, else as text", () => {
    expect(bodyContentType('{"query":"{ health }"}')).toBe("application/json");
    expect(bodyContentType("ping")).toBe("text/plain; charset=utf-8");
  });
});
