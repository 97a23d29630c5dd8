import { describe, expect, it } from "vitest";
import { boundedAddSql, INT4_MAX, saturatingAdd, saturatingAddSql, saturatingSumSql } from "@/lib/db/saturatingCounter";

describe("saturating integer counters", () => {
  it("adds below the top and holds at the largest PostgreSQL integer", () => {
    expect(saturatingAdd(1, 2)).toBe(3);
    expect(saturatingAdd(2_000_000_000, 1_000_000_000)).toBe(INT4_MAX);
    expect(saturatingAdd(INT4_MAX, 1)).toBe(INT4_MAX);
    expect(saturatingAdd(0, 1e12)).toBe(INT4_MAX);
  });

  it("computes in bigint before casting back, so the addition itself cannot overflow", () => {
    expect(saturatingAddSql(`eg."executionsAffected"`, `excluded."executionsAffected"`)).toBe(
      `LEAST((eg."executionsAffected")::bigint + (excluded."executionsAffected"), 2147483647)::int`,
    );
    expect(saturatingSumSql("x.ok")).toBe("LEAST(sum(x.ok), 2147483647)::int");
  });

  it("holds counters a change may lower within 0 and the top", () => {
    expect(boundedAddSql(`r.ok`, `excluded.ok`)).toBe("GREATEST(LEAST((r.ok)::bigint + (excluded.ok), 2147483647), 0)::int");
  });
});
