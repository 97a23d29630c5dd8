import { describe, expect, it } from "vitest";
import type { Report } from "@/lib/reports/getReport";
import { duration, reportMarkdown } from "@/lib/reports/reportMarkdown";

const report: Report = {
  workspace: { id: "w", name: "Acme <prod>" },
  project: null,
  window: { since: "2026-01-01T00:00:00.000Z", until: "2026-01-08T00:00:00.000Z" },
  generatedAt: "2026-01-08T00:00:00.000Z",
  totals: { events: 12345, criticalEvents: 12, affectedUsers: 40, active: 3, new: 2, resolved: 1, regressed: 0, unresolved: 2 },
  topErrors: [
    { id: "a", type: "TypeError", message: "a | b\nnext line", severity: "high", status: "new", category: "api", events: 12000, users: 30, firstSeen: "2026-01-01T00:00:00.000Z", lastSeen: "2026-01-07T00:00:00.000Z" },
  ],
  categories: [{ category: "api", events: 12000, issues: 1 }],
  severities: [{ severity: "high", events: 12000 }],
  resolutionTimes: { overall: { count: 1, meanSeconds: 7200, medianSeconds: 7200, p90Seconds: 7200 }, byCategory: [{ category: "api", count: 1, meanSeconds: 7200, medianSeconds: 7200, p90Seconds: 7200 }] },
};

describe("reportMarkdown", () => {
  it("renders totals, top errors, categories and resolution times as tables with safe cells", () => {
    const md = reportMarkdown(report);
    expect(md).toContain("# Error report: Acme &lt;prod&gt;\n");
    expect(reportMarkdown({ ...report, project: { id: "p", name: "Mobile <app>" } })).toContain("# Error report: Acme &lt;prod&gt; · Mobile &lt;app&gt;\n");
    expect(md).toContain("| Events | 12,345 |");
    expect(md).toContain("| 1 | TypeError: a \\| b next line | high | new | api | 12,000 | 30 |");
    expect(md).toContain("| All | 1 | 2.0 h | 2.0 h | 2.0 h |");
    // Every table line has the same number of unescaped pipes as its header.
    for (const block of md.split("\n\n").filter((b) => b.startsWith("|"))) {
      const counts = block.split("\n").filter(Boolean).map((l) => l.replace(/\\\|/g, "").split("|").length);
      expect(new Set(counts).size).toBe(1);
    }
  });

  it("says so when the window is empty", () => {
    const md = reportMarkdown({ ...report, topErrors: [], categories: [], severities: [], resolutionTimes: { overall: { count: 0, meanSeconds: null, medianSeconds: null, p90Seconds: null }, byCategory: [] } });
    expect(md).toContain("No events in this window.");
    expect(md).toContain("No issue was resolved in this window.");
  });

  it("formats durations", () => {
    expect([duration(null), duration(30), duration(90), duration(7200), duration(3 * 86_400)]).toEqual(["—", "30 s", "1.5 min", "2.0 h", "3.0 d"]);
  });
});
