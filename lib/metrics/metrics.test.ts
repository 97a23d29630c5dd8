import { describe, expect, it, vi } from "vitest";
import { parsePrometheusText, sampleValue } from "@/e2e/support/prometheusText";

// The active-alert gauge reads the database at scrape time; unit tests have none.
vi.mock("@/lib/metrics/activeAlerts", () => ({
  collectActiveAlerts: async (gauge: { set: (labels: Record<string, string>, n: number) => void }) => gauge.set({ workspace: "w1", severity: "critical" }, 2),
}));

vi.mock("@/lib/metrics/actorPending", () => ({ collectActorPending: async (gauge: { set: (n: number) => void }) => gauge.set(0) }));

const { recordErrorEvents } = await import("@/lib/metrics/recordErrorEvents");
const { recordIngestRequest } = await import("@/lib/metrics/recordIngestRequest");
const { recordResolution } = await import("@/lib/metrics/recordResolution");
const { renderMetrics } = await import("@/lib/metrics/renderMetrics");

describe("Prometheus metrics", () => {
  it("renders valid exposition text whose counters match what was recorded", async () => {
    recordErrorEvents({ workspaceId: "w1", projectId: "p1" }, [
      { severity: "high", category: "api" },
      { severity: "high", category: "api" },
      { severity: "low", category: "validation" },
    ]);
    recordIngestRequest("events", 202, 0.012);
    recordIngestRequest("events", 202, 0.3);
    recordIngestRequest("events", 413, 0.001);
    recordResolution({ workspaceId: "w1", severity: "high", category: "api", firstSeen: new Date("2026-01-01T00:00:00Z"), resolvedAt: new Date("2026-01-01T02:00:00Z") });

    const { body, contentType } = await renderMetrics();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = parsePrometheusText(body);
    expect(sampleValue(text, "faultline_errors_total", { workspace: "w1", project: "p1", severity: "high", category: "api" })).toBe(2);
    expect(sampleValue(text, "faultline_errors_total", { severity: "low" })).toBe(1);
    expect(sampleValue(text, "faultline_ingest_requests_total", { endpoint: "events", status: "202" })).toBe(2);
    expect(sampleValue(text, "faultline_ingest_request_duration_seconds_bucket", { endpoint: "events", status: "202", le: "0.025" })).toBe(1);
    expect(sampleValue(text, "faultline_ingest_request_duration_seconds_bucket", { endpoint: "events", status: "202", le: "+Inf" })).toBe(2);
    expect(sampleValue(text, "faultline_error_resolution_seconds_sum", { workspace: "w1" })).toBe(7200);
    expect(sampleValue(text, "faultline_error_resolution_seconds_bucket", { workspace: "w1", le: "3600" })).toBe(0);
    expect(sampleValue(text, "faultline_error_resolution_seconds_bucket", { workspace: "w1", le: "14400" })).toBe(1);
    expect(sampleValue(text, "faultline_alerts_active", { workspace: "w1", severity: "critical" })).toBe(2);
    expect(text.types.get("faultline_notification_deliveries_total")).toBe("counter");
    expect(text.types.get("faultline_process_cpu_seconds_total")).toBe("counter");
  });

  it("rejects malformed exposition text", () => {
    expect(() => parsePrometheusText('# TYPE x counter\nx{a="1} 1\n')).toThrow(/unterminated/);
    expect(() => parsePrometheusText("y 1\n")).toThrow(/undeclared/);
    expect(() => parsePrometheusText("# TYPE x counter\nx one\n")).toThrow(/malformed|bad value/);
  });
});
