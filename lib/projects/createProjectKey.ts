import { auditRow, userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister, assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { createIngestKey } from "@/lib/projects/createIngestKey";
import { findProject } from "@/lib/projects/findProject";
import type { CreateIngestKeyInput } from "@/lib/projects/projectSchemas";

/** POST /api/v1/projects/:id/keys (admins): a new key in full (sealed at rest: admins can reveal it again); audited. */
export async function createProjectKey(auth: AuthContext, projectId: string, input: CreateIngestKeyInput) {
  assertUser(auth);
  const project = await findProject(auth, projectId);
  assertCanAdminister(auth, project.workspaceId);
  return db().$transaction(async (tx) => {
    const { id, name, keyPrefix, createdAt, key } = await createIngestKey({ projectId, name: input.name }, tx);
    await tx.auditLog.create({
      data: auditRow({ workspaceId: project.workspaceId, actor: userActor(auth.userId), action: "ingest_key.created", targetType: "ingest_key", targetId: id, after: { projectId, name, keyPrefix } }),
    });
    return { id, name, keyPrefix, createdAt, key };
  });
}

export type CreatedProjectKey = Awaited<ReturnType<typeof createProjectKey>>;
