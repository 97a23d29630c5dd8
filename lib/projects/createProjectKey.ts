import { auditRow, userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister, assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { createIngestKey } from "@/lib/projects/createIngestKey";
import { findProject } from "@/lib/projects/findProject";
import type { CreateIngestKeyInput } from "@/lib/projects/projectSchemas";

/** POST /api/v1/projects/:id/keys (admins): a new key, shown in this answer only; audited. */
export async function createProjectKey(auth: AuthContext, projectId: string, input: CreateIngestKeyInput) {
  assertUser(auth);
  const project = await findProject(auth, projectId);
  assertCanAdminister(auth, project.workspaceId);
  return db().$transaction(async (tx) => {
    const key = await createIngestKey({ projectId, name: input.name }, tx);
    await tx.auditLog.create({
      data: auditRow({ workspaceId: project.workspaceId, actor: userActor(auth.userId), action: "ingest_key.created", targetType: "ingest_key", targetId: key.id, after: { projectId, name: key.name, keyPrefix: key.keyPrefix } }),
    });
    return key;
  });
}
