import type { AuthContext } from "@/lib/auth/AuthContext";
import { seesPeople } from "@/lib/auth/seesPeople";
import { db } from "@/lib/db/prisma";
import { issueCulprits } from "@/lib/errors/issueCulprit";
import { toErrorSummary } from "@/lib/errors/errorDto";
import type { ListErrorsQuery } from "@/lib/errors/errorSchemas";
import { decodeErrorCursor, encodeErrorCursor } from "@/lib/errors/list/errorCursor";
import { afterPosition, errorListOrderBy, positionOf } from "@/lib/errors/list/errorListOrder";
import { loadListStats } from "@/lib/errors/list/loadListStats";
import { loadTopValues } from "@/lib/errors/list/loadTopValues";
import { buildErrorWhere } from "@/lib/errors/search/buildErrorWhere";
import type { SearchTerm } from "@/lib/search/parseSearch";

/**
 * Lists error groups visible to the caller, filtered (parameters and search syntax), sorted and paged.
 * Each row carries its culprit, assignee (person and team), main environments and, for `statsPeriod`, its event count
 * and sparkline in the filtered environments (the rollups have no release) and its last seen in the filtered
 * environments and releases.
 *
 * Pages by number (`page`: an offset, as the dashboard's numbered pages do; with `total`) or by keyset
 * (`cursor`: the issues strictly after the previous page's last one in (sort key, id) order, without
 * counting `total` again — page 1,000 costs what page 1 costs). Every page answers `nextCursor`, the
 * position after its last issue, null on the last page. A walk by cursor returns an issue that does
 * not change during the walk exactly once; see the README (API) for issues that move meanwhile.
 */
export async function listErrors(auth: AuthContext, query: ListErrorsQuery) {
  const after = query.cursor === undefined ? null : decodeErrorCursor(query.cursor, query);
  const { where, terms } = await buildErrorWhere(auth, query);
  const page = query.page ?? 1;
  const [total, rows] = await Promise.all([
    after ? null : db().errorGroup.count({ where }),
    db().errorGroup.findMany({
      where: after ? { AND: [where, afterPosition(query.order, after)] } : where,
      orderBy: errorListOrderBy(query.sort, query.order),
      skip: after ? 0 : (page - 1) * query.pageSize,
      // One more than the page: whether a next page exists, without a count.
      take: query.pageSize + 1,
    }),
  ]);
  const groups = rows.slice(0, query.pageSize);
  const last = groups.at(-1);
  const ids = groups.map((g) => g.id);
  const filtered = filteredValues(terms, query.environment);
  const assigneeIds = [...new Set(groups.map((g) => g.assigneeId).filter((id): id is string => Boolean(id)))];
  const teamIds = [...new Set(groups.map((g) => g.assigneeTeamId).filter((id): id is string => Boolean(id)))];
  const [stats, environments, assignees, teams, culprits] = await Promise.all([
    loadListStats(ids, { period: query.statsPeriod, ...filtered }),
    loadTopValues(ids, "environment", 2),
    seesPeople(auth) ? db().user.findMany({ where: { id: { in: assigneeIds } }, select: { id: true, name: true, email: true } }) : [],
    db().team.findMany({ where: { id: { in: teamIds } }, select: { id: true, name: true } }),
    issueCulprits(groups),
  ]);
  const assigneeById = new Map(assignees.map((u) => [u.id, u]));
  const teamById = new Map(teams.map((t) => [t.id, t]));

  return {
    items: groups.map((group, i) => {
      const row = stats.byGroup.get(group.id);
      return {
        ...toErrorSummary(group),
        culprit: culprits[i],
        assignee: group.assigneeId ? assigneeById.get(group.assigneeId) ?? null : null,
        assigneeTeam: group.assigneeTeamId ? teamById.get(group.assigneeTeamId) ?? null : null,
        environments: environments.get(group.id) ?? [],
        stats: {
          events: row?.events ?? 0,
          sparkline: row?.sparkline ?? [],
          lastSeen: row?.lastSeen ?? group.lastSeen.toISOString(),
        },
      };
    }),
    page: after ? null : page,
    pageSize: query.pageSize,
    total,
    nextCursor: rows.length > query.pageSize && last ? encodeErrorCursor(query.order, positionOf(query.sort, last)) : null,
    stats: { period: stats.period, bucketStart: stats.bucketStart, bucketMs: stats.bucketMs },
  };
}

export type ErrorListPage = Awaited<ReturnType<typeof listErrors>>;
export type ErrorListItem = ErrorListPage["items"][number];
/** A page asked for by number, without a cursor (as the dashboard asks): it has its number and the total. */
export type NumberedErrorListPage = ErrorListPage & { page: number; total: number };

/** Environments and releases a positive search term (or the `environment` parameter) selects: exact values and prefixes. */
function filteredValues(terms: SearchTerm[], environment: string | undefined) {
  const environments = new Set<string>(environment ? [environment] : []);
  const environmentPrefixes = new Set<string>();
  const releases = new Set<string>();
  const releasePrefixes = new Set<string>();
  for (const term of terms) {
    if (term.negated) continue;
    if (term.key === "environment") {
      term.values.forEach((v) => environments.add(v));
      term.prefixes?.forEach((p) => environmentPrefixes.add(p));
    }
    if (term.key === "release") {
      term.values.forEach((v) => releases.add(v));
      term.prefixes?.forEach((p) => releasePrefixes.add(p));
    }
  }
  return { environments: [...environments], environmentPrefixes: [...environmentPrefixes], releases: [...releases], releasePrefixes: [...releasePrefixes] };
}
