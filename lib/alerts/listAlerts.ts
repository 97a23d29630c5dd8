import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanViewWorkspace } from "@/lib/auth/permissions";
import { ALERT_REFS, toAlertDto } from "@/lib/alerts/alertDto";
import type { ListAlertsQuery } from "@/lib/alerts/alertSchemas";
import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertProjectFilter } from "@/lib/projects/assertWorkspaceProjects";

/**
 * A workspace's alerts, newest first, with counts per status under the same filters. A project's
 * alerts include the workspace-wide ones (no project: the disk forecast), which concern every project.
 */
export async function listAlerts(auth: AuthContext, input: { workspaceId: string; query: ListAlertsQuery }) {
  assertCanViewWorkspace(auth, input.workspaceId);
  const { workspaceId, query } = input;
  await assertProjectFilter(workspaceId, query.projectId);
  const filters: Prisma.AlertWhereInput = { workspaceId };
  if (query.severity?.length) filters.severity = { in: query.severity };
  if (query.projectId) filters.OR = [{ projectId: query.projectId }, { projectId: null }];
  if (query.errorId) filters.errorGroupId = query.errorId;
  const where: Prisma.AlertWhereInput = query.status?.length ? { ...filters, status: { in: query.status } } : filters;
  const [total, alerts, byStatus] = await Promise.all([
    db().alert.count({ where }),
    db().alert.findMany({
      where,
      include: ALERT_REFS,
      orderBy: [{ firedAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db().alert.groupBy({ by: ["status"], where: filters, _count: { _all: true } }),
  ]);
  const counts = { active: 0, acknowledged: 0, resolved: 0 };
  for (const row of byStatus) counts[row.status] = row._count._all;
  return { items: alerts.map(toAlertDto), page: query.page, pageSize: query.pageSize, total, counts };
}
