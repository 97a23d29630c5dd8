import { describe, expect, it } from "vitest";
import { mapClientReport } from "@/lib/sentry/mapClientReport";
import { clientReport } from "@/lib/sentry/__fixtures__/envelopes";

describe("mapClientReport", () => {
  it("maps discarded_events", () => {
    expect(mapClientReport(clientReport)).toEqual([
      { reason: "ratelimit_backoff", category: "error", quantity: 4 },
      { reason: "sample_rate", category: "span", quantity: 120 },
    ]);
  });

  it("sums duplicates and skips unusable entries", () => {
    const out = mapClientReport({
      discarded_events: [
        { reason: "network_error", category: "error", quantity: 1 },
        { reason: "network_error", category: "error", quantity: "2" },
        { reason: "network_error", category: "session", quantity: 0 },
        { reason: "", category: "error", quantity: 1 },
        { reason: "queue_overflow", quantity: 1 },
        { reason: "queue_overflow", category: "error", quantity: -1 },
        { reason: "queue_overflow", category: "error", quantity: "many" },
        null,
      ],
    });
    expect(out).toEqual([{ reason: "network_error", category: "error", quantity: 3 }]);
  });

  it("bounds names, quantities and the number of entries", () => {
    const entries = Array.from({ length: 150 }, (_, i) => ({ reason: `r${i}`, category: "c".repeat(100), quantity: 1e12 }));
    const out = mapClientReport({ discarded_events: entries });
    expect(out).toHaveLength(100);
    expect(out[0].category).toHaveLength(64);
    expect(out[0].quantity).toBe(1_000_000_000);
  });

  it.each([[null], ["x"], [{}], [{ discarded_events: {} }]])("returns nothing for %o", (payload) => {
    expect(mapClientReport(payload)).toEqual([]);
  });
});
