import { describe, expect, it } from "vitest";
import { historyWrite, parseDashboardParams } from "@/lib/client/useDashboardParams";

describe("parseDashboardParams", () => {
  it("reads the project and environment the page is narrowed to, none by default", () => {
    const none = parseDashboardParams(new URLSearchParams("tf=7d"));
    expect(none).toMatchObject({ projectId: null, environment: null, timeframe: "7d", severity: "all" });
    const both = parseDashboardParams(new URLSearchParams("project=0190b7c2-0000-7000-8000-000000000001&env=staging&sev=critical"));
    expect(both).toMatchObject({ projectId: "0190b7c2-0000-7000-8000-000000000001", environment: "staging", severity: "critical" });
  });

  it("falls back to the defaults for values it does not know", () => {
    expect(parseDashboardParams(new URLSearchParams("tf=9y&sev=loud&page=-2&order=sideways"))).toMatchObject({ timeframe: "24h", severity: "all", page: 1, order: "desc" });
  });
});

describe("parseDashboardParams: all time", () => {
  it("reads tf=all as the list's all time, the charts and row counts keeping the widest timeframe", () => {
    expect(parseDashboardParams(new URLSearchParams("tf=all"))).toMatchObject({ listTimeframe: "all", timeframe: "30d" });
    expect(parseDashboardParams(new URLSearchParams("tf=7d"))).toMatchObject({ listTimeframe: "7d", timeframe: "7d" });
    expect(parseDashboardParams(new URLSearchParams(""))).toMatchObject({ listTimeframe: "24h", timeframe: "24h" });
  });
});

describe("historyWrite", () => {
  it("adds a history entry for each change of the view, so Back returns to the one before", () => {
    expect(historyWrite("ws=a", "ws=a&query=is%3Anew")).toBe("push");
    expect(historyWrite("ws=a&query=is%3Anew", "ws=a&query=is%3Anew&sort=events")).toBe("push");
    expect(historyWrite("ws=a&sort=events", "ws=a&sort=events&page=3")).toBe("push");
  });

  it("rewrites the current entry for a refinement of it", () => {
    expect(historyWrite("ws=a&query=pay", "ws=a&query=payment", { replace: true })).toBe("replace");
  });

  it("writes nothing when the view does not change (Back would seem to do nothing)", () => {
    expect(historyWrite("ws=a&query=pay", "ws=a&query=pay")).toBeNull();
    expect(historyWrite("", "", { replace: true })).toBeNull();
  });
});
