import type { Prisma } from "@/lib/generated/prisma/client";
import type { AssignedTarget, CountOp, DateRange, SearchTerm } from "@/lib/search/parseSearch";
import type { IsValue } from "@/lib/search/searchVocabulary";
import { tagSeenIn, type SearchWindow } from "@/lib/errors/search/tagWindow";
import { escapeLike } from "@/lib/text/escapeLike";

const UNRESOLVED = ["new", "acknowledged", "investigating"] as const;

/** What the terms need from outside: who "me" is, member ids for `assigned:<email>`, team ids for `assigned:#<team>`, and "now". */
export interface SearchContext {
  userId: string | null;
  /** `assigned:<ref>` → user id; refs that are no member are absent (the caller has refused them). */
  members: Map<string, string>;
  /** `assigned:#<name or id>` (lower-cased) → the ids of the teams of that name in the workspaces searched. */
  teams: Map<string, string[]>;
  now: Date;
  /** The list's window (since / until): tag terms then mean "had an event with that value in it". */
  window?: SearchWindow;
  /** Free text that is an event id → the issues holding that event (they match it too). */
  eventGroups?: Map<string, string[]>;
}

/** Search terms as Prisma conditions on ErrorGroup, ANDed by the caller. Pure. */
export function termsToWhere(terms: SearchTerm[], ctx: SearchContext): Prisma.ErrorGroupWhereInput[] {
  return terms.map((term) => {
    // NOT (assigneeId = x) is not true for unassigned issues in SQL: negated assignment is spelled out.
    if (term.key === "assigned" && term.negated) return { AND: term.values.map((v) => notAssigneeWhere(resolveAssignee(v, ctx))) };
    const where = termWhere(term, ctx);
    // Likewise an issue without a first release is "not in release X".
    if (term.key === "firstRelease" && term.negated) return { OR: [{ firstRelease: null }, { NOT: where }] };
    return term.negated ? { NOT: where } : where;
  });
}

function termWhere(term: SearchTerm, ctx: SearchContext): Prisma.ErrorGroupWhereInput {
  switch (term.key) {
    case "is":
      return anyOf(term.values.map(isWhere));
    case "level":
      return { severity: { in: term.values } };
    case "project":
      return { project: { OR: [...term.values.map((v) => projectWhere(v, false)), ...(term.prefixes ?? []).map((p) => projectWhere(p, true))] } };
    case "category":
      return anyOf(insensitive(term.values, term.prefixes).map((category) => ({ category })));
    case "platform":
      return anyOf(insensitive(term.values, term.prefixes).map((platform) => ({ platform })));
    case "environment":
    case "release":
      return tagWhere(term.key, term.values, term.prefixes, ctx.window);
    case "user.id":
      return tagWhere("user", term.values, term.prefixes, ctx.window);
    case "firstRelease":
      return anyOf([
        ...term.values.map((v) => ({ firstRelease: v })),
        ...(term.prefixes ?? []).map((p) => ({ firstRelease: { startsWith: escapeLike(p) } })),
      ]);
    case "tag":
      return tagWhere(term.tag, term.values, term.prefixes, ctx.window);
    case "has":
      return anyOf(term.values.map((v) => (v.kind === "assignee" ? notAssigneeWhere({ kind: "none" }) : { tagValues: { some: { key: v.tag, ...tagSeenIn(ctx.window) } } })));
    case "assigned":
      return anyOf(term.values.map((v) => assigneeWhere(resolveAssignee(v, ctx))));
    case "firstSeen":
    case "lastSeen":
      return { [term.key]: dateWhere(term.range, ctx.now) };
    case "timesSeen":
      return { occurrenceCount: countWhere(term.op, term.count) };
    case "message":
      return anyOf(term.values.map((v) => ({ message: containsWords(v) })));
    case "error.type":
      return anyOf(term.values.map((v) => ({ type: containsWords(v) })));
    case "title":
      return anyOf(term.values.map(textWhere));
    case "text": {
      const events = ctx.eventGroups?.get(term.text) ?? [];
      return events.length ? { OR: [...(textWhere(term.text).OR ?? []), { id: { in: events } }] } : textWhere(term.text);
    }
  }
}

/** Free text: in the type or the message, ignoring case (also the issue list's `q`). */
export function textWhere(text: string): Prisma.ErrorGroupWhereInput {
  return { OR: [{ type: containsWords(text) }, { message: containsWords(text) }] };
}

/** The text anywhere in the column, ignoring case, `%` and `_` matched literally. */
function containsWords(text: string): Prisma.StringFilter {
  return { contains: escapeLike(text), mode: "insensitive" };
}

/** Exact values and prefixes ignoring case: `equals` with `mode: insensitive` is an ILIKE too, so both are escaped. */
function insensitive(values: string[], prefixes: string[] = []): Prisma.StringFilter[] {
  return [...values.map((v) => ({ equals: escapeLike(v), mode: "insensitive" as const })), ...prefixes.map((p) => ({ startsWith: escapeLike(p), mode: "insensitive" as const }))];
}

/** A project by its slug or its name, either ignoring case, exactly or by prefix. */
function projectWhere(value: string, prefix: boolean): Prisma.ProjectWhereInput {
  const [match] = prefix ? insensitive([], [value]) : insensitive([value]);
  return { OR: [{ slug: match }, { name: match }] };
}

function countWhere(op: CountOp, count: number): Prisma.IntFilter {
  switch (op) {
    case ">":
      return { gt: count };
    case ">=":
      return { gte: count };
    case "<":
      return { lt: count };
    case "<=":
      return { lte: count };
    case "=":
      return { equals: count };
  }
}

function isWhere(value: IsValue): Prisma.ErrorGroupWhereInput {
  switch (value) {
    case "unresolved":
      return { status: { in: [...UNRESOLVED] } };
    case "assigned":
      return notAssigneeWhere({ kind: "none" });
    case "unassigned":
      return assigneeWhere({ kind: "none" });
    case "regressed":
      return { regressed: true, status: { in: [...UNRESOLVED] } };
    default:
      return { status: value };
  }
}

/**
 * Per-issue tag rollup lookups (an index probe per issue, never a scan of occurrences): the exact
 * values, or a prefix (its `%` and `_` literal). Within a window, the value must have been seen in it
 * (see tagSeenIn); negated, an issue is kept when it had no event with the value in the window.
 */
function tagWhere(key: string, values: string[], prefixes: string[] = [], window: SearchWindow | undefined): Prisma.ErrorGroupWhereInput {
  const valueConditions: Prisma.ErrorGroupTagWhereInput[] = [
    ...(values.length ? [{ value: { in: values } }] : []),
    ...prefixes.map((p) => ({ value: { startsWith: escapeLike(p) } })),
  ];
  return { tagValues: { some: { key, OR: valueConditions, ...tagSeenIn(window) } } };
}

const NOBODY = "00000000-0000-0000-0000-000000000000";

/** Who an assignment condition is about, once the search's references are resolved. */
export type Assignee =
  | { kind: "person"; id: string }
  | { kind: "teams"; ids: string[] }
  | { kind: "myTeams"; userId: string }
  | { kind: "none" };

function resolveAssignee(target: AssignedTarget, ctx: SearchContext): Assignee {
  switch (target.kind) {
    case "me":
      return { kind: "person", id: ctx.userId ?? NOBODY };
    case "my_teams":
      return { kind: "myTeams", userId: ctx.userId ?? NOBODY };
    case "none":
      return { kind: "none" };
    case "user":
      return { kind: "person", id: ctx.members.get(target.ref.toLowerCase()) ?? NOBODY };
    case "team":
      return { kind: "teams", ids: ctx.teams.get(target.slug.toLowerCase()) ?? [NOBODY] };
  }
}

/**
 * Issues assigned to a person, to one of the teams, to a team the user belongs to, or to nobody
 * (neither a person nor a team). The list's `assigned`, `assigneeId` and `teamId` parameters use
 * the same conditions, so a parameter and its search term always select the same issues.
 */
export function assigneeWhere(assignee: Assignee): Prisma.ErrorGroupWhereInput {
  switch (assignee.kind) {
    case "person":
      return { assigneeId: assignee.id };
    case "teams":
      return { assigneeTeamId: { in: assignee.ids } };
    case "myTeams":
      return { assigneeTeam: { members: { some: { userId: assignee.userId } } } };
    case "none":
      return { assigneeId: null, assigneeTeamId: null };
  }
}

/** The complement of assigneeWhere, spelled out: NOT (column = x) is not true for NULL in SQL. */
function notAssigneeWhere(assignee: Assignee): Prisma.ErrorGroupWhereInput {
  switch (assignee.kind) {
    case "person":
      return { OR: [{ assigneeId: null }, { assigneeId: { not: assignee.id } }] };
    case "teams":
      return { OR: [{ assigneeTeamId: null }, { assigneeTeamId: { notIn: assignee.ids } }] };
    case "myTeams":
      return { OR: [{ assigneeTeamId: null }, { assigneeTeam: { members: { none: { userId: assignee.userId } } } }] };
    case "none":
      return { OR: [{ assigneeId: { not: null } }, { assigneeTeamId: { not: null } }] };
  }
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
