import { auditRow, userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister, assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { createIngestKey } from "@/lib/projects/createIngestKey";
import { createProject } from "@/lib/projects/createProject";
import { projectDsn } from "@/lib/projects/dsn";
import type { CreateProjectInput } from "@/lib/projects/projectSchemas";

/**
 * POST /api/v1/workspaces/:id/projects (admins): the project and its first ingest key in one
 * transaction. The key is in this answer only (the database keeps its hash).
 */
export async function addProject(auth: AuthContext, workspaceId: string, input: CreateProjectInput, origin: string) {
  assertUser(auth);
  assertCanAdminister(auth, workspaceId);
  const { project, key } = await db().$transaction(async (tx) => {
    const project = await createProject({ workspaceId, name: input.name, platform: input.platform }, tx);
    const key = await createIngestKey({ projectId: project.id, name: "default" }, tx);
    await tx.auditLog.createMany({
      data: [
        auditRow({ workspaceId, actor: userActor(auth.userId), action: "project.created", targetType: "project", targetId: project.id, after: { name: project.name, platform: project.platform } }),
        auditRow({ workspaceId, actor: userActor(auth.userId), action: "ingest_key.created", targetType: "ingest_key", targetId: key.id, after: { projectId: project.id, name: key.name, keyPrefix: key.keyPrefix } }),
      ],
    });
    return { project, key };
  });
  return newProjectDto(project, key, origin);
}

export function newProjectDto(project: { id: string; publicId: number; workspaceId: string; name: string; slug: string; platform: string | null }, key: { id: string; key: string }, origin: string) {
  return {
    id: project.id,
    publicId: project.publicId,
    workspaceId: project.workspaceId,
    name: project.name,
    slug: project.slug,
    platform: project.platform,
    ingestKey: key.key,
    ingestKeyId: key.id,
    dsn: projectDsn(origin, key.key, project.publicId),
    ingestUrl: `${origin}/api/v1/events`,
  };
}

export type NewProject = ReturnType<typeof newProjectDto>;
