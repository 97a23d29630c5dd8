import { describe, expect, it } from "vitest";
import { shapeMetrics } from "@/lib/analytics/getResolutionMetrics";

const row = (dim: "all" | "category" | "severity" | "team", key: string | null, ack: [number, number | null, number | null], res: [number, number | null, number | null], label: string | null = null) => ({
  dim,
  key,
  label,
  ack_n: ack[0],
  ack_mean: ack[1],
  ack_median: ack[2],
  res_n: res[0],
  res_mean: res[1],
  res_median: res[2],
});

describe("resolution metrics shape", () => {
  it("splits the grouping sets, orders severities, labels teams and rounds seconds", () => {
    const shaped = shapeMetrics([
      row("all", null, [3, 4000.4, 3600.6], [2, 7200, 7200]),
      row("category", "database", [2, 100, 100], [1, 50, 50]),
      row("category", "network", [1, 10, 10], [1, 5, 5]),
      row("severity", "low", [1, 1, 1], [0, null, null]),
      row("severity", "critical", [2, 2, 2], [2, 3, 3]),
      row("team", "none", [1, 1, 1], [1, 1, 1]),
      row("team", "6f0e…", [2, 2, 2], [1, 1, 1], "Billing"),
    ]);
    expect(shaped.overall.acknowledge).toEqual({ count: 3, meanSeconds: 4000, medianSeconds: 3601 });
    expect(shaped.bySeverity.map((r) => r.key)).toEqual(["critical", "low"]);
    expect(shaped.bySeverity[1].resolve).toEqual({ count: 0, meanSeconds: null, medianSeconds: null });
    expect(shaped.byCategory.map((r) => r.key)).toEqual(["database", "network"]);
    expect(shaped.byTeam.map((r) => r.label)).toEqual(["Billing", "No team"]);
  });

  it("an empty window has zero counts and no durations", () => {
    const shaped = shapeMetrics([]);
    expect(shaped.overall.resolve).toEqual({ count: 0, meanSeconds: null, medianSeconds: null });
    expect(shaped.byTeam).toEqual([]);
  });
});
