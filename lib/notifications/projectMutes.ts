import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";

/**
 * The projects a person muted: the issues of one they take part in, and its alerts to a members
 * channel, no longer reach them unless they follow the issue (being assigned or mentioned still does).
 */
export async function mutedProjectIdsOf(userId: string): Promise<string[]> {
  // Only live projects of workspaces they still belong to (not one being deleted, alone or with its
  // workspace): the list is sent back whole, and ids they can no longer name would be refused (a replace drops them).
  const rows = await db().projectMute.findMany({
    where: { userId, project: { deletingAt: null, workspace: { memberships: { some: { userId } } } } },
    select: { projectId: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => r.projectId);
}

/** Replaces a person's muted projects; each must be a project of a workspace they belong to (422 naming `mutedProjectIds[i]`). */
export async function replaceProjectMutes(userId: string, projectIds: string[]): Promise<void> {
  const wanted = [...new Set(projectIds)];
  const visible = new Set(
    (await db().project.findMany({ where: { id: { in: wanted }, deletingAt: null, workspace: { memberships: { some: { userId } } } }, select: { id: true } })).map((p) => p.id),
  );
  const bad = projectIds.findIndex((id) => !visible.has(id));
  if (bad >= 0) {
    const path = `mutedProjectIds[${bad}]`;
    throw ApiError.validation(`${path}: not a project of a workspace you belong to`, [{ path, message: "not a project of a workspace you belong to" }]);
  }
  await db().$transaction([
    db().projectMute.deleteMany({ where: { userId, projectId: { notIn: wanted } } }),
    db().projectMute.createMany({ data: wanted.map((projectId) => ({ userId, projectId })), skipDuplicates: true }),
  ]);
}
