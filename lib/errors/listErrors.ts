import type { AuthContext } from "@/lib/auth/AuthContext";
import { visibleWorkspaceIds } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toErrorSummary } from "@/lib/errors/errorDto";
import type { ListErrorsQuery } from "@/lib/errors/errorSchemas";
import { ApiError } from "@/lib/http/ApiError";

const ORDER_BY: Record<ListErrorsQuery["sort"], (o: Prisma.SortOrder) => Prisma.ErrorGroupOrderByWithRelationInput> = {
  lastSeen: (o) => ({ lastSeen: o }),
  firstSeen: (o) => ({ firstSeen: o }),
  occurrences: (o) => ({ occurrenceCount: o }),
  users: (o) => ({ usersAffected: o }),
  // The enum is declared low → critical, so ordering by it orders by severity.
  severity: (o) => ({ severity: o }),
};

/** Lists error groups visible to the caller, filtered, sorted and paged. */
export async function listErrors(auth: AuthContext, query: ListErrorsQuery) {
  const where = buildWhere(auth, query);
  const [total, groups] = await Promise.all([
    db().errorGroup.count({ where }),
    db().errorGroup.findMany({
      where,
      orderBy: [ORDER_BY[query.sort](query.order), { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  ]);
  return { items: groups.map(toErrorSummary), page: query.page, pageSize: query.pageSize, total };
}

function buildWhere(auth: AuthContext, query: ListErrorsQuery): Prisma.ErrorGroupWhereInput {
  const visible = visibleWorkspaceIds(auth);
  if (query.workspaceId && !visible.includes(query.workspaceId)) throw ApiError.notFound("workspace not found");
  if (auth.kind === "ingestKey" && query.projectId && query.projectId !== auth.projectId) {
    throw ApiError.forbidden("this ingest key belongs to another project");
  }
  const where: Prisma.ErrorGroupWhereInput = {
    workspaceId: query.workspaceId ?? { in: visible },
  };
  if (auth.kind === "ingestKey") where.projectId = auth.projectId;
  else if (query.projectId) where.projectId = query.projectId;
  if (query.severity?.length) where.severity = { in: query.severity };
  if (query.status?.length) where.status = { in: query.status };
  if (query.category?.length) where.category = { in: query.category };
  if (query.since || query.until) {
    where.lastSeen = { ...(query.since && { gte: new Date(query.since) }) };
    if (query.until) where.firstSeen = { lte: new Date(query.until) };
  }
  if (query.environment) where.occurrences = { some: { environment: query.environment } };
  const assigned = assignedWhere(auth, query);
  if (assigned.length) where.AND = assigned;
  if (query.q) {
    where.OR = [
      { type: { contains: query.q, mode: "insensitive" } },
      { message: { contains: query.q, mode: "insensitive" } },
    ];
  }
  return where;
}

/** "assigned to me", "my teams", "unassigned", a given person or a given team. */
function assignedWhere(auth: AuthContext, query: ListErrorsQuery): Prisma.ErrorGroupWhereInput[] {
  const out: Prisma.ErrorGroupWhereInput[] = [];
  if (query.assigned && query.assigned !== "none" && auth.kind !== "user") {
    throw ApiError.validation(`assigned: "${query.assigned}" needs a signed-in user`, [{ path: "assigned", message: "needs a signed-in user" }]);
  }
  if (query.assigned === "none") out.push({ assigneeId: null, assigneeTeamId: null });
  if (query.assigned === "me" && auth.kind === "user") out.push({ assigneeId: auth.userId });
  if (query.assigned === "my_teams" && auth.kind === "user") out.push({ assigneeTeam: { members: { some: { userId: auth.userId } } } });
  if (query.assigneeId) out.push({ assigneeId: query.assigneeId });
  if (query.teamId) out.push({ assigneeTeamId: query.teamId });
  return out;
}
