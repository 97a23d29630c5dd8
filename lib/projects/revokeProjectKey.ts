import { auditRow, userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister, assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { findProject } from "@/lib/projects/findProject";
import { revokeIngestKey } from "@/lib/projects/revokeIngestKey";

/** DELETE /api/v1/projects/:id/keys/:keyId (admins): revokes the key (kept for the record); audited. */
export async function revokeProjectKey(auth: AuthContext, input: { projectId: string; keyId: string }) {
  assertUser(auth);
  const project = await findProject(auth, input.projectId);
  assertCanAdminister(auth, project.workspaceId);
  const key = await revokeIngestKey(input);
  await db().auditLog.create({
    data: auditRow({ workspaceId: project.workspaceId, actor: userActor(auth.userId), action: "ingest_key.revoked", targetType: "ingest_key", targetId: input.keyId, before: { name: key.name, keyPrefix: key.keyPrefix } }),
  });
}
