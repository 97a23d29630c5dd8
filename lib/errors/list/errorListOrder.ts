import type { ErrorSort, SortOrder } from "@/lib/domain/errorSort";
import { SEVERITIES, type Severity } from "@/lib/domain/severity";
import type { ErrorGroup, Prisma } from "@/lib/generated/prisma/client";

/**
 * Where an issue stands in the list's order: the value of its sort key, and its id, which breaks
 * ties (newest id first, in both orders). No sort key can be NULL: every column here is NOT NULL.
 */
export type ErrorListPosition =
  | { sort: "lastSeen" | "firstSeen"; value: Date; id: string }
  | { sort: "occurrences" | "users"; value: number; id: string }
  | { sort: "severity"; value: Severity; id: string };

type SortKeyFields = Pick<ErrorGroup, "id" | "lastSeen" | "firstSeen" | "occurrenceCount" | "usersAffected" | "severity">;

/** The list's order: the sort key (the severity enum is declared low → critical), then id descending. */
export function errorListOrderBy(sort: ErrorSort, order: SortOrder): Prisma.ErrorGroupOrderByWithRelationInput[] {
  const key: Record<ErrorSort, Prisma.ErrorGroupOrderByWithRelationInput> = {
    lastSeen: { lastSeen: order },
    firstSeen: { firstSeen: order },
    occurrences: { occurrenceCount: order },
    users: { usersAffected: order },
    severity: { severity: order },
  };
  return [key[sort], { id: "desc" }];
}

/** The position of an issue in the list sorted by `sort`. */
export function positionOf(sort: ErrorSort, group: SortKeyFields): ErrorListPosition {
  switch (sort) {
    case "lastSeen":
      return { sort, value: group.lastSeen, id: group.id };
    case "firstSeen":
      return { sort, value: group.firstSeen, id: group.id };
    case "occurrences":
      return { sort, value: group.occurrenceCount, id: group.id };
    case "users":
      return { sort, value: group.usersAffected, id: group.id };
    case "severity":
      return { sort, value: group.severity, id: group.id };
  }
}

type Bound<V> = { lt?: V; lte?: V; gt?: V; gte?: V; equals?: V };

/**
 * The issues that come strictly after `at` in the order (`order` of its sort, then id descending): a
 * key beyond the position's, or the same key and a smaller id. The first condition is a plain range
 * on the key alone (`lastSeen <= x` for a descending walk), which lets an index on the key start its
 * scan at the position instead of reading and discarding every issue before it.
 */
export function afterPosition(order: SortOrder, at: ErrorListPosition): Prisma.ErrorGroupWhereInput {
  switch (at.sort) {
    case "lastSeen":
      return after(order, at.value, at.id, (f: Bound<Date>) => ({ lastSeen: f }));
    case "firstSeen":
      return after(order, at.value, at.id, (f: Bound<Date>) => ({ firstSeen: f }));
    case "occurrences":
      return after(order, at.value, at.id, (f: Bound<number>) => ({ occurrenceCount: f }));
    case "users":
      return after(order, at.value, at.id, (f: Bound<number>) => ({ usersAffected: f }));
    case "severity": {
      // Prisma filters an enum by equality and lists only: the severities beyond this one, by rank.
      const rank = SEVERITIES.indexOf(at.value);
      const beyond = order === "desc" ? SEVERITIES.slice(0, rank) : SEVERITIES.slice(rank + 1);
      return {
        AND: [{ severity: { in: [...beyond, at.value] } }, { OR: [{ severity: { in: beyond } }, { severity: at.value, id: { lt: at.id } }] }],
      };
    }
  }
}

function after<V>(order: SortOrder, value: V, id: string, key: (bound: Bound<V>) => Prisma.ErrorGroupWhereInput): Prisma.ErrorGroupWhereInput {
  const desc = order === "desc";
  return {
    AND: [key(desc ? { lte: value } : { gte: value }), { OR: [key(desc ? { lt: value } : { gt: value }), { AND: [key({ equals: value }), { id: { lt: id } }] }] }],
  };
}
