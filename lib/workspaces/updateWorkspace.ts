import { auditRow, userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister, assertSessionFor, assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { toWorkspaceDto } from "@/lib/workspaces/createWorkspaceForUser";
import type { UpdateWorkspaceInput } from "@/lib/workspaces/workspaceSchemas";

/**
 * PATCH /api/v1/workspaces/:id {name?, requireTwoFactor?} (admins): renames the workspace, or
 * requires two-factor sign-in of its members. An admin must have it on first (409
 * two_factor_needed_first), or they would close the workspace to themselves. Turning the
 * requirement off weakens every member's sign-in: a signed-in session only (403 `session_required`
 * naming `requireTwoFactor` with an API token, whatever it was before); renaming and turning it on
 * a token may do.
 */
export async function updateWorkspace(auth: AuthContext, workspaceId: string, input: UpdateWorkspaceInput) {
  assertUser(auth);
  assertCanAdminister(auth, workspaceId);
  if (input.requireTwoFactor === false) {
    assertSessionFor(auth, "requireTwoFactor", "turning off the two-factor requirement needs a signed-in session, not an API token: sign in and change it in Settings → Workspace & members");
  }
  if (input.requireTwoFactor) {
    const own = await db().twoFactor.findUnique({ where: { userId: auth.userId }, select: { enabledAt: true } });
    if (!own?.enabledAt) throw new ApiError(409, "two_factor_needed_first", "turn on two-factor sign-in for your own account first (Your account), or you would lock yourself out");
  }
  const before = await db().workspace.findUniqueOrThrow({ where: { id: workspaceId } });
  const data = { ...(input.name !== undefined && { name: input.name }), ...(input.requireTwoFactor !== undefined && { requireTwoFactor: input.requireTwoFactor }) };
  const changed = (Object.keys(data) as (keyof typeof data)[]).filter((k) => before[k] !== data[k]);
  const [workspace] = await db().$transaction([
    db().workspace.update({ where: { id: workspaceId }, data }),
    ...(changed.length === 0
      ? []
      : [
          db().auditLog.create({
            data: auditRow({
              workspaceId,
              actor: userActor(auth.userId),
              action: "workspace.updated",
              targetType: "workspace",
              targetId: workspaceId,
              before: Object.fromEntries(changed.map((k) => [k, before[k]])),
              after: Object.fromEntries(changed.map((k) => [k, data[k]])),
            }),
          }),
        ]),
  ]);
  return toWorkspaceDto(workspace, "admin");
}
