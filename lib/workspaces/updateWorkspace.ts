import { auditRow, userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister, assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { toWorkspaceDto } from "@/lib/workspaces/createWorkspaceForUser";
import type { UpdateWorkspaceInput } from "@/lib/workspaces/workspaceSchemas";

/** PATCH /api/v1/workspaces/:id — renames the workspace (admins). */
export async function updateWorkspace(auth: AuthContext, workspaceId: string, input: UpdateWorkspaceInput) {
  assertUser(auth);
  assertCanAdminister(auth, workspaceId);
  const before = await db().workspace.findUniqueOrThrow({ where: { id: workspaceId } });
  const [workspace] = await db().$transaction([
    db().workspace.update({ where: { id: workspaceId }, data: { name: input.name } }),
    ...(before.name === input.name
      ? []
      : [db().auditLog.create({ data: auditRow({ workspaceId, actor: userActor(auth.userId), action: "workspace.updated", targetType: "workspace", targetId: workspaceId, before: { name: before.name }, after: { name: input.name } }) })]),
  ]);
  return toWorkspaceDto(workspace, "admin");
}
