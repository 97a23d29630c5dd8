import type { AuthContext } from "@/lib/auth/AuthContext";
import { seesPeople } from "@/lib/auth/seesPeople";
import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { issueCulprits } from "@/lib/errors/issueCulprit";
import { toErrorSummary } from "@/lib/errors/errorDto";
import type { ListErrorsQuery } from "@/lib/errors/errorSchemas";
import { loadListStats } from "@/lib/errors/list/loadListStats";
import { loadTopValues } from "@/lib/errors/list/loadTopValues";
import { buildErrorWhere } from "@/lib/errors/search/buildErrorWhere";
import type { SearchTerm } from "@/lib/search/parseSearch";

const ORDER_BY: Record<ListErrorsQuery["sort"], (o: Prisma.SortOrder) => Prisma.ErrorGroupOrderByWithRelationInput> = {
  lastSeen: (o) => ({ lastSeen: o }),
  firstSeen: (o) => ({ firstSeen: o }),
  occurrences: (o) => ({ occurrenceCount: o }),
  users: (o) => ({ usersAffected: o }),
  // The enum is declared low → critical, so ordering by it orders by severity.
  severity: (o) => ({ severity: o }),
};

/**
 * Lists error groups visible to the caller, filtered (parameters and search syntax), sorted and paged.
 * Each row carries its culprit, assignee (person and team), main environments and, for `statsPeriod`, its event count,
 * sparkline and last seen following the filtered environments / releases.
 */
export async function listErrors(auth: AuthContext, query: ListErrorsQuery) {
  const { where, terms } = await buildErrorWhere(auth, query);
  const [total, groups] = await Promise.all([
    db().errorGroup.count({ where }),
    db().errorGroup.findMany({
      where,
      orderBy: [ORDER_BY[query.sort](query.order), { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  ]);
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
    page: query.page,
    pageSize: query.pageSize,
    total,
    stats: { period: stats.period, bucketStart: stats.bucketStart, bucketMs: stats.bucketMs },
  };
}

export type ErrorListPage = Awaited<ReturnType<typeof listErrors>>;
export type ErrorListItem = ErrorListPage["items"][number];

/** Environments and releases a positive search term (or the `environment` parameter) selects. */
function filteredValues(terms: SearchTerm[], environment: string | undefined) {
  const environments = new Set<string>(environment ? [environment] : []);
  const releases = new Set<string>();
  for (const term of terms) {
    if (term.negated) continue;
    const exact = (values: string[]) => values.filter((v) => !v.endsWith("*"));
    if (term.key === "environment") exact(term.values).forEach((v) => environments.add(v));
    if (term.key === "release") exact(term.values).forEach((v) => releases.add(v));
  }
  return { environments: [...environments], releases: [...releases] };
}

