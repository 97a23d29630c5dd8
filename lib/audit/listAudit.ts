import type { ListAuditQuery } from "@/lib/audit/auditSchemas";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanViewWorkspace } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";

/** GET /api/v1/workspaces/:id/audit — the workspace's activity, newest first (any member). */
export async function listAudit(auth: AuthContext, workspaceId: string, query: ListAuditQuery) {
  assertCanViewWorkspace(auth, workspaceId);
  const where: Prisma.AuditLogWhereInput = { workspaceId };
  if (query.action) where.action = query.action.endsWith(".") ? { startsWith: query.action } : query.action;
  if (query.targetType) where.targetType = query.targetType;
  const [total, rows] = await Promise.all([
    db().auditLog.count({ where }),
    db().auditLog.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
  ]);
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => Boolean(id)))];
  const actors = new Map((await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } })).map((u) => [u.id, u]));
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      action: r.action,
      actorType: r.actorType,
      actor: r.actorId ? actors.get(r.actorId) ?? null : null,
      targetType: r.targetType,
      targetId: r.targetId,
      before: r.before,
      after: r.after,
    })),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

export type AuditList = Awaited<ReturnType<typeof listAudit>>;
export type AuditItem = AuditList["items"][number];
