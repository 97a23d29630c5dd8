import { describe, expect, it } from "vitest";
import { classifyPattern } from "@/lib/analytics/classifyPattern";
import { andAll } from "@/lib/analytics/countsSql";
import { priorityScore } from "@/lib/analytics/priority";
import { runSequenceEdges } from "@/lib/analytics/runSequenceEdges";
import { percentage, summarise, topN } from "@/lib/analytics/stats";
import { bucketStarts, timeWindow } from "@/lib/analytics/timeWindow";
import { trendOf } from "@/lib/analytics/trend";

describe("andAll", () => {
  it("joins the conditions that are set, each after AND", () => {
    expect(andAll(["r.a = $1", false, undefined, null, 0, "r.b = $2"])).toBe(" AND r.a = $1 AND r.b = $2");
    expect(andAll([undefined, false])).toBe("");
  });
});

describe("timeWindow", () => {
  const now = new Date("2026-11-24T10:17:30Z");
  it("aligns each timeframe to its bucket size and ends after now", () => {
    const w = timeWindow("24h", now);
    expect(w.end.toISOString()).toBe("2026-11-24T11:00:00.000Z");
    expect(w.start.toISOString()).toBe("2026-11-23T11:00:00.000Z");
    expect(w.prevStart.toISOString()).toBe("2026-11-22T11:00:00.000Z");
    expect(bucketStarts(w)).toHaveLength(24);
    expect(w.source).toBe("hourly");
  });
  it("uses 5-minute buckets for 1h, 6-hour for 7d and days for 30d", () => {
    expect(bucketStarts(timeWindow("1h", now))).toHaveLength(12);
    expect(timeWindow("1h", now).source).toBe("fiveMinute");
    expect(bucketStarts(timeWindow("7d", now))).toHaveLength(28);
    const month = timeWindow("30d", now);
    expect(month.source).toBe("daily");
    expect(month.end.toISOString()).toBe("2026-11-25T00:00:00.000Z");
    expect(bucketStarts(month)).toHaveLength(30);
  });
  it("puts a time exactly on a boundary inside the window", () => {
    const w = timeWindow("24h", new Date("2026-11-24T10:00:00Z"));
    expect(w.end.toISOString()).toBe("2026-11-24T11:00:00.000Z");
  });
});

describe("classifyPattern", () => {
  const t = (min: number) => new Date(Date.UTC(2026, 0, 1, 0, min));
  it("follows seed 004's rules, burst first", () => {
    expect(classifyPattern({ count: 1, firstAt: t(0), lastAt: t(0) })).toBe("isolated");
    expect(classifyPattern({ count: 500, firstAt: t(0), lastAt: t(5) })).toBe("burst");
    expect(classifyPattern({ count: 11, firstAt: t(0), lastAt: t(600) })).toBe("recurring");
    expect(classifyPattern({ count: 4, firstAt: t(0), lastAt: t(600) })).toBe("intermittent");
  });
});

describe("priorityScore", () => {
  it("ranks severity, frequency, users and age", () => {
    const base = { severity: "medium" as const, count: 10, users: 2, ageHours: 1 };
    expect(priorityScore({ ...base, severity: "critical" })).toBeGreaterThan(priorityScore(base));
    expect(priorityScore({ ...base, count: 1000 })).toBeGreaterThan(priorityScore(base));
    expect(priorityScore({ ...base, users: 500 })).toBeGreaterThan(priorityScore(base));
    expect(priorityScore({ ...base, ageHours: 100 })).toBeGreaterThan(priorityScore(base));
    expect(priorityScore({ severity: "critical", count: 1e6, users: 1e6, ageHours: 1e4 })).toBe(100);
  });
});

describe("trend, stats", () => {
  it("compares with the previous window", () => {
    expect(trendOf(130, 100)).toBe("increasing");
    expect(trendOf(70, 100)).toBe("decreasing");
    expect(trendOf(110, 100)).toBe("stable");
    expect(trendOf(3, 0)).toBe("stable");
    expect(trendOf(8, 0)).toBe("increasing");
  });
  it("summarises with nearest-rank percentiles", () => {
    expect(summarise([])).toEqual({ avg: 0, median: 0, p95: 0 });
    expect(summarise([7200])).toEqual({ avg: 7200, median: 7200, p95: 7200 });
    expect(summarise(Array.from({ length: 100 }, (_, i) => i + 1))).toEqual({ avg: 50.5, median: 50, p95: 95 });
    expect(percentage(1, 3)).toBe(33.33);
    expect(percentage(1, 0)).toBe(0);
  });
});

describe("runSequenceEdges", () => {
  const at = (s: number) => new Date(s * 1000);
  it("links groups that follow each other in at least two runs", () => {
    const edges = runSequenceEdges([
      { runId: "r1", groupId: "A", occurredAt: at(1) },
      { runId: "r1", groupId: "B", occurredAt: at(2) },
      { runId: "r2", groupId: "A", occurredAt: at(5) },
      { runId: "r2", groupId: "B", occurredAt: at(6) },
      { runId: "r3", groupId: "C", occurredAt: at(1) },
      { runId: "r3", groupId: "D", occurredAt: at(2) },
    ]);
    expect(edges).toEqual([{ parentGroupId: "A", childGroupId: "B", count: 2, creditsLost: 0 }]);
  });
});

describe("topN", () => {
  it("equals the first n of a full sort, ties kept in input order", () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 50; round++) {
      const items = Array.from({ length: Math.floor(random() * 200) }, (_, i) => ({ i, v: Math.floor(random() * 20) }));
      const byValue = (a: { v: number }, b: { v: number }) => b.v - a.v;
      for (const n of [0, 1, 10, 150, 300]) expect(topN(items, n, byValue)).toEqual([...items].sort(byValue).slice(0, n));
    }
  });
});
