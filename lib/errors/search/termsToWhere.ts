import type { Prisma } from "@/lib/generated/prisma/client";
import type { AssignedTarget, DateRange, SearchTerm } from "@/lib/search/parseSearch";
import type { IsValue } from "@/lib/search/searchVocabulary";

const UNRESOLVED = ["new", "acknowledged", "investigating"] as const;

/** What the terms need from outside: who "me" is, member ids for `assigned:<email>`, and "now". */
export interface SearchContext {
  userId: string | null;
  /** `assigned:<ref>` → user id; refs that are no member are absent (the caller has refused them). */
  members: Map<string, string>;
  now: Date;
}

/** Search terms as Prisma conditions on ErrorGroup, ANDed by the caller. Pure. */
export function termsToWhere(terms: SearchTerm[], ctx: SearchContext): Prisma.ErrorGroupWhereInput[] {
  return terms.map((term) => {
    // NOT (assigneeId = x) is not true for unassigned issues in SQL: negated assignment is spelled out.
    if (term.key === "assigned" && term.negated) return { AND: term.values.map((v) => notAssignedWhere(v, ctx)) };
    const where = termWhere(term, ctx);
    return term.negated ? { NOT: where } : where;
  });
}

function termWhere(term: SearchTerm, ctx: SearchContext): Prisma.ErrorGroupWhereInput {
  switch (term.key) {
    case "is":
      return anyOf(term.values.map(isWhere));
    case "level":
      return { severity: { in: term.values } };
    case "category":
      return anyOf(term.values.map((v) => ({ category: { equals: v, mode: "insensitive" as const } })));
    case "environment":
    case "release":
      return tagWhere(term.key, term.values);
    case "user.id":
      return tagWhere("user", term.values);
    case "tag":
      return tagWhere(term.tag, term.values);
    case "assigned":
      return anyOf(term.values.map((v) => assignedWhere(v, ctx)));
    case "firstSeen":
    case "lastSeen":
      return { [term.key]: dateWhere(term.range, ctx.now) };
    case "text":
      return {
        OR: [
          { type: { contains: term.text, mode: "insensitive" } },
          { message: { contains: term.text, mode: "insensitive" } },
        ],
      };
  }
}

function isWhere(value: IsValue): Prisma.ErrorGroupWhereInput {
  switch (value) {
    case "unresolved":
      return { status: { in: [...UNRESOLVED] } };
    case "assigned":
      return { assigneeId: { not: null } };
    case "unassigned":
      return { assigneeId: null };
    case "regressed":
      return { regressedAt: { not: null }, status: { in: [...UNRESOLVED] } };
    default:
      return { status: value };
  }
}

/** Per-issue tag rollup lookups (an index probe per issue, never a scan of occurrences). `*` at the end matches a prefix. */
function tagWhere(key: string, values: string[]): Prisma.ErrorGroupWhereInput {
  const exact = values.filter((v) => !v.endsWith("*") || v.length === 1);
  const prefixes = values.filter((v) => v.endsWith("*") && v.length > 1).map((v) => v.slice(0, -1));
  const valueConditions: Prisma.ErrorGroupTagWhereInput[] = [
    ...(exact.length ? [{ value: { in: exact } }] : []),
    ...prefixes.map((p) => ({ value: { startsWith: p } })),
  ];
  return { tagValues: { some: { key, OR: valueConditions } } };
}

const NOBODY = "00000000-0000-0000-0000-000000000000";

function assigneeOf(target: AssignedTarget, ctx: SearchContext): string | null | undefined {
  switch (target.kind) {
    case "me":
      return ctx.userId ?? NOBODY;
    case "none":
      return null;
    case "user":
      return ctx.members.get(target.ref.toLowerCase()) ?? NOBODY;
    case "team":
      // Teams arrive with the teams branch; until then no issue is assigned to a team.
      return undefined;
  }
}

function assignedWhere(target: AssignedTarget, ctx: SearchContext): Prisma.ErrorGroupWhereInput {
  const assignee = assigneeOf(target, ctx);
  return assignee === undefined ? { id: NOBODY } : { assigneeId: assignee };
}

function notAssignedWhere(target: AssignedTarget, ctx: SearchContext): Prisma.ErrorGroupWhereInput {
  const assignee = assigneeOf(target, ctx);
  if (assignee === undefined) return {};
  if (assignee === null) return { assigneeId: { not: null } };
  return { OR: [{ assigneeId: null }, { assigneeId: { not: assignee } }] };
}

function dateWhere(range: DateRange, now: Date): Prisma.DateTimeFilter {
  switch (range.kind) {
    case "within":
      return { gte: new Date(now.getTime() - range.ms) };
    case "olderThan":
      return { lt: new Date(now.getTime() - range.ms) };
    case "after":
      return range.inclusive ? { gte: new Date(range.at) } : { gt: new Date(range.at) };
    case "before":
      return range.inclusive ? { lte: new Date(range.at) } : { lt: new Date(range.at) };
  }
}

function anyOf(conditions: Prisma.ErrorGroupWhereInput[]): Prisma.ErrorGroupWhereInput {
  return conditions.length === 1 ? conditions[0] : { OR: conditions };
}
