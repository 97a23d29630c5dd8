import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanViewWorkspace, visibleWorkspaceIds } from "@/lib/auth/permissions";
import { assertProjectFilter } from "@/lib/projects/assertWorkspaceProjects";
import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ErrorFilters } from "@/lib/errors/errorSchemas";
import { assigneeWhere, termsToWhere, textWhere } from "@/lib/errors/search/termsToWhere";
import { searchWindow, tagSeenIn } from "@/lib/errors/search/tagWindow";
import { ApiError } from "@/lib/http/ApiError";
import { choosesByDate } from "@/lib/search/datedSearch";
import { parseSearch, type SearchTerm } from "@/lib/search/parseSearch";
import { isUuid } from "@/lib/ids/uuidv7";
import { eventIdForms } from "@/lib/errors/events/eventIdForms";
import { isEndUserTag } from "@/lib/errors/events/withoutEndUsers";
import { normaliseEventId } from "@/lib/sentry/eventId";

export interface ErrorWhere {
  where: Prisma.ErrorGroupWhereInput;
  terms: SearchTerm[];
}

/**
 * The issues the filters select among those the caller may see: the plain parameters (severity,
 * status, category, environment, q, assigned / assigneeId / teamId, since/until) ANDed with the
 * search syntax of `query`. With since / until, environment and tag filters select issues that had
 * an event with that value in the window. A `lastSeen:` or `firstSeen:` term in `query` chooses the
 * issues by date itself: since / until (the view's window) are then not applied. A query that does
 * not parse, or names an assignee who is no member or a team that does not exist, is refused (422
 * naming `query`).
 */
export async function buildErrorWhere(auth: AuthContext, filters: ErrorFilters, now = new Date()): Promise<ErrorWhere> {
  const visible = visibleWorkspaceIds(auth);
  // 404 for a workspace the caller is not in; 403 two_factor_required for one of theirs that keeps them out.
  if (filters.workspaceId) assertCanViewWorkspace(auth, filters.workspaceId);
  if (auth.kind === "ingestKey" && filters.projectId && filters.projectId !== auth.projectId) {
    throw ApiError.forbidden("this ingest key belongs to another project");
  }
  // Another workspace's project (or an unknown one) is a 422 naming projectId, not an empty list.
  if (auth.kind === "user") await assertProjectFilter(filters.workspaceId ?? visible, filters.projectId);
  const terms = parseQuery(filters.query);
  if (auth.kind === "ingestKey") assertNoEndUserTerm(terms);
  const { since, until } = choosesByDate(terms) ? { since: undefined, until: undefined } : filters;
  // An issue being deleted (lib/errors/deletion) is in no list, export or bulk change.
  const and: Prisma.ErrorGroupWhereInput[] = [{ workspaceId: filters.workspaceId ?? { in: visible } }, { deletingAt: null }];
  if (auth.kind === "ingestKey") and.push({ projectId: auth.projectId });
  else if (filters.projectId) and.push({ projectId: filters.projectId });
  if (filters.severity?.length) and.push({ severity: { in: filters.severity } });
  if (filters.status?.length) and.push({ status: { in: filters.status } });
  if (filters.category?.length) and.push({ category: { in: filters.category } });
  if (since) and.push({ lastSeen: { gte: new Date(since) } });
  if (until) and.push({ firstSeen: { lte: new Date(until) } });
  // Within since / until, environment and tag filters mean "had such an event in the window" (what the
  // view's cards count for the same window), not "ever had one".
  const window = searchWindow(since, until);
  if (filters.environment) and.push({ tagValues: { some: { key: "environment", value: filters.environment, ...tagSeenIn(window) } } });
  if (filters.q) {
    // As the search's free text: in the type or the message, its % and _ no wildcards.
    and.push(textWhere(filters.q));
  }

  and.push(...assignedParamsWhere(auth, filters));

  const workspaceIds = filters.workspaceId ? [filters.workspaceId] : visible;
  const [members, teams, eventGroups] = await Promise.all([resolveAssignees(terms, workspaceIds), resolveTeams(terms, workspaceIds), resolveEventIds(terms, workspaceIds)]);
  and.push(...termsToWhere(terms, { userId: auth.kind === "user" ? auth.userId : null, members, teams, now, window, eventGroups }));
  return { where: { AND: and }, terms };
}

/**
 * An ingest key (the DSN's public key) reads errors without the end users they happened to: it may
 * not ask which issues a user (`user:`, `user.id:`, a `user.*` tag) or an address (`url:`) had
 * (422 naming `query`, as `assigned` is for a key). `has:user` says nothing of anyone and stays.
 */
function assertNoEndUserTerm(terms: SearchTerm[]): void {
  const term = terms.find((t) => t.key === "user.id" || (t.key === "tag" && isEndUserTag(t.tag)));
  if (!term) return;
  const name = term.key === "tag" ? term.tag : term.key;
  throw ApiError.validation(`invalid query: ${name}: needs a signed-in user`, [{ path: "query", message: `${name}: needs a signed-in user` }]);
}

export function parseQuery(query: string | undefined): SearchTerm[] {
  if (!query?.trim()) return [];
  const parsed = parseSearch(query);
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0];
    throw ApiError.validation(`invalid query: ${first.message}`, parsed.errors.map((e) => ({ path: "query", message: `${e.message} (at ${e.start})` })));
  }
  return parsed.terms;
}

/** `assigned:<email or user id>` → member user ids (lower-cased refs); an unknown ref is a 422. */
async function resolveAssignees(terms: SearchTerm[], workspaceIds: string[]): Promise<Map<string, string>> {
  const refs = new Set<string>();
  for (const term of terms) {
    if (term.key !== "assigned") continue;
    for (const v of term.values) if (v.kind === "user") refs.add(v.ref.toLowerCase());
  }
  if (refs.size === 0) return new Map();
  const ids = [...refs].filter(isUuid); // a uuid column refuses 36 hex digits without dashes (a 500)
  const members = await db().membership.findMany({
    where: { workspaceId: { in: workspaceIds }, user: { OR: [{ email: { in: [...refs], mode: "insensitive" } }, { id: { in: ids } }] } },
    select: { user: { select: { id: true, email: true } } },
  });
  const byRef = new Map<string, string>();
  for (const { user } of members) {
    byRef.set(user.email.toLowerCase(), user.id);
    byRef.set(user.id, user.id);
  }
  const unknown = [...refs].find((r) => !byRef.has(r));
  if (unknown) throw ApiError.validation(`invalid query: assigned: "${unknown}" is not a member`, [{ path: "query", message: `assigned: "${unknown}" is not a member` }]);
  return byRef;
}

/**
 * Free text that is an event id (a UUID, with or without dashes) → the issues holding that event in
 * the workspaces searched (Sentry's "paste an event id"): one primary-key probe per project.
 */
async function resolveEventIds(terms: SearchTerm[], workspaceIds: string[]): Promise<Map<string, string[]>> {
  const texts = [...new Set(terms.flatMap((t) => (t.key === "text" && normaliseEventId(t.text) ? [t.text] : [])))];
  if (texts.length === 0) return new Map();
  const forms = new Map(texts.map((text) => [text, eventIdForms(text)]));
  const projects = await db().project.findMany({ where: { workspaceId: { in: workspaceIds } }, select: { id: true } });
  const rows = await db().errorEventId.findMany({
    where: { projectId: { in: projects.map((p) => p.id) }, eventId: { in: [...forms.values()].flat() } },
    select: { eventId: true, groupId: true },
  });
  return new Map(texts.map((text) => [text, rows.filter((r) => forms.get(text)!.includes(r.eventId)).map((r) => r.groupId)]));
}

/** `assigned:#<team name or id>` → team ids (lower-cased refs; names are unique per workspace); an unknown team is a 422. */
async function resolveTeams(terms: SearchTerm[], workspaceIds: string[]): Promise<Map<string, string[]>> {
  const refs = new Set<string>();
  for (const term of terms) {
    if (term.key !== "assigned") continue;
    for (const v of term.values) if (v.kind === "team") refs.add(v.slug.toLowerCase());
  }
  if (refs.size === 0) return new Map();
  const ids = [...refs].filter(isUuid); // a uuid column refuses 36 hex digits without dashes (a 500)
  const teams = await db().team.findMany({
    where: { workspaceId: { in: workspaceIds }, OR: [{ name: { in: [...refs], mode: "insensitive" } }, { id: { in: ids } }] },
    select: { id: true, name: true },
  });
  const byRef = new Map<string, string[]>();
  const add = (ref: string, id: string) => byRef.set(ref, [...(byRef.get(ref) ?? []), id]);
  for (const team of teams) {
    add(team.name.toLowerCase(), team.id);
    if (team.name.toLowerCase() !== team.id) add(team.id, team.id);
  }
  const unknown = [...refs].find((r) => !byRef.has(r));
  if (unknown) throw ApiError.validation(`invalid query: assigned: "#${unknown}" is not a team`, [{ path: "query", message: `assigned: "#${unknown}" is not a team` }]);
  return byRef;
}

/** The `assigned`, `assigneeId` and `teamId` parameters, as the same conditions as their search terms. */
function assignedParamsWhere(auth: AuthContext, filters: ErrorFilters): Prisma.ErrorGroupWhereInput[] {
  const out: Prisma.ErrorGroupWhereInput[] = [];
  if (filters.assigned && filters.assigned !== "none" && auth.kind !== "user") {
    throw ApiError.validation(`assigned: "${filters.assigned}" needs a signed-in user`, [{ path: "assigned", message: "needs a signed-in user" }]);
  }
  if (filters.assigned === "none") out.push(assigneeWhere({ kind: "none" }));
  if (auth.kind === "user") {
    if (filters.assigned === "me") out.push(assigneeWhere({ kind: "person", id: auth.userId }));
    if (filters.assigned === "my_teams") out.push(assigneeWhere({ kind: "myTeams", userId: auth.userId }));
  }
  if (filters.assigneeId) out.push(assigneeWhere({ kind: "person", id: filters.assigneeId }));
  if (filters.teamId) out.push(assigneeWhere({ kind: "teams", ids: [filters.teamId] }));
  return out;
}
