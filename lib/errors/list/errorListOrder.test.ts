import { describe, expect, it } from "vitest";
import { ERROR_SORTS, SORT_ORDERS, type ErrorSort, type SortOrder } from "@/lib/domain/errorSort";
import { SEVERITIES, type Severity } from "@/lib/domain/severity";
import { afterPosition, errorListOrderBy, positionOf, type ErrorListPosition } from "@/lib/errors/list/errorListOrder";
import type { Prisma } from "@/lib/generated/prisma/client";

type Group = { id: string; lastSeen: Date; firstSeen: Date; occurrenceCount: number; usersAffected: number; severity: Severity };

/** Evaluates the where this module builds (AND, OR, in, equals, lt/lte/gt/gte on its columns) against one group. */
function matches(where: Prisma.ErrorGroupWhereInput, g: Group): boolean {
  return Object.entries(where).every(([key, value]) => {
    if (key === "AND") return (value as Prisma.ErrorGroupWhereInput[]).every((w) => matches(w, g));
    if (key === "OR") return (value as Prisma.ErrorGroupWhereInput[]).some((w) => matches(w, g));
    const actual = g[key as keyof Group];
    const cmp = (v: unknown) => {
      if (actual instanceof Date) return actual.getTime() - (v as Date).getTime();
      if (typeof actual === "number") return actual - (v as number);
      return actual < String(v) ? -1 : actual > String(v) ? 1 : 0; // uuid order: PostgreSQL compares the bytes
    };
    if (typeof value !== "object" || value instanceof Date) return cmp(value) === 0;
    return Object.entries(value as Record<string, unknown>).every(([op, v]) => {
      if (op === "in") return (v as unknown[]).includes(actual);
      const c = cmp(v);
      return { equals: c === 0, lt: c < 0, lte: c <= 0, gt: c > 0, gte: c >= 0 }[op] ?? expect.unreachable(`operator ${op}`);
    });
  });
}

/** Sorts like PostgreSQL would with errorListOrderBy: the key (severity by rank), then id descending. */
function sorted(groups: Group[], sort: ErrorSort, order: SortOrder): Group[] {
  const [key] = Object.entries(errorListOrderBy(sort, order)[0]) as [keyof Group, SortOrder][];
  const value = (g: Group) => (key[0] === "severity" ? SEVERITIES.indexOf(g.severity) : +g[key[0]]);
  const dir = order === "desc" ? -1 : 1;
  return [...groups].sort((a, b) => dir * (value(a) - value(b)) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

// Few distinct values per key, so every key has ties that the id must break.
const groups: Group[] = Array.from({ length: 24 }, (_, i) => ({
  id: `00000000-0000-7000-8000-${String((i * 7) % 24).padStart(12, "0")}`,
  lastSeen: new Date(Date.UTC(2026, 0, 1 + (i % 3))),
  firstSeen: new Date(Date.UTC(2025, 0, 1 + (i % 4))),
  occurrenceCount: i % 5,
  usersAffected: (i * 3) % 2,
  severity: SEVERITIES[i % 4],
}));

describe("the issue list's order and keyset", () => {
  for (const sort of ERROR_SORTS) {
    for (const order of SORT_ORDERS) {
      it(`${sort} ${order}: after each issue's position come exactly the issues that follow it`, () => {
        const list = sorted(groups, sort, order);
        list.forEach((g, i) => {
          const at = positionOf(sort, g);
          expect(at).toMatchObject({ sort, id: g.id });
          const where = afterPosition(order, at);
          expect(list.filter((x) => matches(where, x))).toEqual(list.slice(i + 1));
        });
      });
    }
  }

  it("bounds the key alone first, so an index on it can start at the position", () => {
    const at: ErrorListPosition = { sort: "lastSeen", value: new Date("2026-01-02T00:00:00.000Z"), id: groups[0].id };
    expect(afterPosition("desc", at)).toMatchObject({ AND: [{ lastSeen: { lte: at.value } }, { OR: expect.any(Array) }] });
    expect(afterPosition("asc", at)).toMatchObject({ AND: [{ lastSeen: { gte: at.value } }, { OR: expect.any(Array) }] });
    expect(afterPosition("desc", { sort: "severity", value: "high", id: groups[0].id })).toMatchObject({ AND: [{ severity: { in: ["low", "medium", "high"] } }, { OR: expect.any(Array) }] });
    expect(afterPosition("asc", { sort: "severity", value: "critical", id: groups[0].id })).toMatchObject({ AND: [{ severity: { in: ["critical"] } }, { OR: [{ severity: { in: [] } }, expect.anything()] }] });
  });

  it("orders ties by id, newest first, in both orders", () => {
    for (const order of SORT_ORDERS) expect(errorListOrderBy("users", order)).toEqual([{ usersAffected: order }, { id: "desc" }]);
  });
});
