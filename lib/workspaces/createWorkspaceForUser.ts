import { auditRow, userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { createWorkspace } from "@/lib/workspaces/createWorkspace";
import type { CreateWorkspaceInput } from "@/lib/workspaces/workspaceSchemas";

/** POST /api/v1/workspaces: any signed-in user may create a workspace and becomes its admin. */
export async function createWorkspaceForUser(auth: AuthContext, input: CreateWorkspaceInput) {
  assertUser(auth);
  const workspace = await createWorkspace({ name: input.name, ownerId: auth.userId });
  await db().auditLog.create({
    data: auditRow({ workspaceId: workspace.id, actor: userActor(auth.userId), action: "workspace.created", targetType: "workspace", targetId: workspace.id, after: { name: workspace.name } }),
  });
  return toWorkspaceDto(workspace, "admin");
}

export function toWorkspaceDto(workspace: { id: string; name: string; slug: string; createdAt: Date; requireTwoFactor: boolean }, role: string) {
  return { id: workspace.id, name: workspace.name, slug: workspace.slug, role, createdAt: workspace.createdAt.toISOString(), requireTwoFactor: workspace.requireTwoFactor };
}
