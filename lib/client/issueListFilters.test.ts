import { describe, expect, it } from "vitest";
import { issueListFilters } from "@/lib/client/issueListFilters";
import { parseDashboardParams } from "@/lib/client/useDashboardParams";

const filtersOf = (qs: string) => issueListFilters("w1", parseDashboardParams(new URLSearchParams(qs)), {});

describe("issueListFilters", () => {
  it("asks for the issues seen in the timeframe, counting their events over it", () => {
    expect(filtersOf("tf=7d")).toMatchObject({ timeframe: "7d", statsPeriod: "7d" });
  });

  it("asks for every issue, however old, under all time (events counted over the widest timeframe)", () => {
    const all = filtersOf("tf=all");
    expect(all).toMatchObject({ statsPeriod: "30d" });
    expect(all.timeframe).toBeUndefined();
    expect(all.since).toBeUndefined();
  });

  it("asks for a spike's window when one is picked", () => {
    expect(filtersOf("tf=24h&from=2026-03-10T10:00:00.000Z&to=2026-03-10T11:00:00.000Z")).toMatchObject({ since: "2026-03-10T10:00:00.000Z", until: "2026-03-10T11:00:00.000Z" });
  });
});
