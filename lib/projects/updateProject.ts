import { auditRow, userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister, assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { forgetIngestSettings } from "@/lib/ingest/loadIngestSettings";
import { changedFields } from "@/lib/alerts/auditData";
import { findProject } from "@/lib/projects/findProject";
import { forgetProjectCaches } from "@/lib/projects/forgetProjectCaches";
import { toProjectDto } from "@/lib/projects/getProject";
import type { UpdateProjectInput } from "@/lib/projects/projectSchemas";
import { slugify } from "@/lib/workspaces/slugify";

/** PATCH /api/v1/projects/:id — name, platform, allowed origins, rate limit, retention, quotas, sampling, sensitive fields (admins). */
export async function updateProject(auth: AuthContext, projectId: string, input: UpdateProjectInput) {
  assertUser(auth);
  const project = await findProject(auth, projectId);
  assertCanAdminister(auth, project.workspaceId);
  const changes = changedFields(toProjectDto(project), input);
  if (!changes) return toProjectDto(project);
  const [updated] = await db().$transaction([
    db().project.update({
      where: { id: projectId },
      data: { ...input, ...(input.name !== undefined && { slug: slugify(input.name) }) },
    }),
    db().auditLog.create({
      data: auditRow({ workspaceId: project.workspaceId, actor: userActor(auth.userId), action: "project.updated", targetType: "project", targetId: projectId, ...changes }),
    }),
  ]);
  await forgetProjectCaches(updated);
  if (input.sensitiveFields !== undefined) forgetIngestSettings(projectId);
  return toProjectDto(updated);
}
