import { forgetMembersTarget } from "@/lib/alerts/channels/forgetMembersTarget";
import { auditRow, userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister, assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { findTeam } from "@/lib/teams/findTeam";

/** DELETE /api/v1/teams/:id (admins): its issues lose the team (not their person), its assignment rules go, members channels forget it. */
export async function deleteTeam(auth: AuthContext, teamId: string) {
  assertUser(auth);
  const team = await findTeam(auth, teamId);
  assertCanAdminister(auth, team.workspaceId);
  await db().$transaction(async (tx) => {
    await tx.auditLog.create({
      data: auditRow({ workspaceId: team.workspaceId, actor: userActor(auth.userId), action: "team.deleted", targetType: "team", targetId: teamId, before: { name: team.name, memberIds: team.members.map((m) => m.user.id) } }),
    });
    await forgetMembersTarget(tx, team.workspaceId, { teamId });
    await tx.team.delete({ where: { id: teamId } });
  });
}
