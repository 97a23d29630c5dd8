import { auditIds } from "@/lib/audit/auditIds";
import type { ListAuditQuery } from "@/lib/audit/auditSchemas";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanViewWorkspace } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { escapeLike } from "@/lib/text/escapeLike";

/** GET /api/v1/workspaces/:id/audit — the workspace's activity, newest first (any member). */
export async function listAudit(auth: AuthContext, workspaceId: string, query: ListAuditQuery) {
  assertCanViewWorkspace(auth, workspaceId);
  const where: Prisma.AuditLogWhereInput = { workspaceId };
  if (query.action) where.action = query.action.endsWith(".") ? { startsWith: escapeLike(query.action) } : query.action;
  if (query.targetType) where.targetType = query.targetType;
  const [total, rows] = await Promise.all([
    db().auditLog.count({ where }),
    db().auditLog.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
  ]);
  // Whom and what the entries name by id: who acted, the people and teams an issue was assigned to
  // or from, the member an entry is about, the project of a key.
  const named = (r: (typeof rows)[number], key: string) => auditIds(key, r.before, r.after);
  const userIds = [...new Set(rows.flatMap((r) => [...(r.actorId ? [r.actorId] : []), ...named(r, "assigneeId"), ...named(r, "userId")]))];
  const teamIds = [...new Set(rows.flatMap((r) => named(r, "assigneeTeamId")))];
  const projectIds = [...new Set(rows.flatMap((r) => named(r, "projectId")))];
  const issueIds = [...new Set(rows.filter((r) => r.targetType === "error" && r.targetId).map((r) => r.targetId as string))];
  const [users, teams, projects, issues] = await Promise.all([
    db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }),
    db().team.findMany({ where: { id: { in: teamIds }, workspaceId }, select: { id: true, name: true } }),
    db().project.findMany({ where: { id: { in: projectIds }, workspaceId }, select: { id: true, name: true } }),
    db().errorGroup.findMany({ where: { id: { in: issueIds }, workspaceId }, select: { id: true, type: true, message: true } }),
  ]);
  const people = new Map(users.map((u) => [u.id, u]));
  const labels = new Map([
    ...users.map((u) => [u.id, u.name || u.email] as const),
    ...teams.map((t) => [t.id, `team ${t.name}`] as const),
    ...projects.map((p) => [p.id, p.name] as const),
  ]);
  const issueById = new Map(issues.map((i) => [i.id, i]));
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      action: r.action,
      actorType: r.actorType,
      actor: r.actorId ? people.get(r.actorId) ?? null : null,
      targetType: r.targetType,
      targetId: r.targetId,
      /** The issue an error entry is about, while it exists (merged-away and deleted issues are null). */
      issue: r.targetType === "error" && r.targetId ? issueById.get(r.targetId) ?? null : null,
      before: r.before,
      after: r.after,
      /** Names of the people, teams and projects the entry's id fields (assigneeId, assigneeTeamId, userId, projectId) hold, by id. */
      names: Object.fromEntries(
        ["assigneeId", "assigneeTeamId", "userId", "projectId"].flatMap((key) => named(r, key)).flatMap((id) => (labels.has(id) ? [[id, labels.get(id) as string]] : [])),
      ),
    })),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

export type AuditList = Awaited<ReturnType<typeof listAudit>>;
export type AuditItem = AuditList["items"][number];
