import { auditRow, userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister, assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { forgetIngestSettings } from "@/lib/ingest/loadIngestSettings";
import { changedFields } from "@/lib/alerts/auditData";
import { findProject } from "@/lib/projects/findProject";
import { forgetProjectCaches } from "@/lib/projects/forgetProjectCaches";
import { toProjectDto } from "@/lib/projects/getProject";
import { assertProjectNameFree, assertProjectSlugFree, lockProjectNames } from "@/lib/projects/projectNames";
import type { UpdateProjectInput } from "@/lib/projects/projectSchemas";

/**
 * PATCH /api/v1/projects/:id — name, slug, platform, allowed origins, rate limit, retention, quotas,
 * sampling, sensitive fields (admins). A new name keeps the slug; a name or slug another project of
 * the workspace has is a 409 naming `name` / `slug`.
 */
export async function updateProject(auth: AuthContext, projectId: string, input: UpdateProjectInput) {
  assertUser(auth);
  const project = await findProject(auth, projectId);
  assertCanAdminister(auth, project.workspaceId);
  const changes = changedFields(toProjectDto(project), input);
  if (!changes) return toProjectDto(project);
  const updated = await db().$transaction(async (tx) => {
    if ("name" in changes.after || "slug" in changes.after) {
      await lockProjectNames(tx, project.workspaceId);
      if (input.name !== undefined) await assertProjectNameFree(tx, project.workspaceId, input.name, projectId);
      if (input.slug !== undefined) await assertProjectSlugFree(tx, project.workspaceId, input.slug, projectId);
    }
    const row = await tx.project.update({ where: { id: projectId }, data: input });
    await tx.auditLog.create({
      data: auditRow({ workspaceId: project.workspaceId, actor: userActor(auth.userId), action: "project.updated", targetType: "project", targetId: projectId, ...changes }),
    });
    return row;
  });
  await forgetProjectCaches(updated);
  if (input.sensitiveFields !== undefined) forgetIngestSettings(projectId);
  return toProjectDto(updated);
}
