import { auditRow, userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister, assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { assertWorkspaceMembers } from "@/lib/teams/assertWorkspaceMembers";
import { findTeam } from "@/lib/teams/findTeam";
import { TEAM_INCLUDE, toTeamDto } from "@/lib/teams/teamDto";
import type { UpdateTeamInput } from "@/lib/teams/teamSchemas";

/** PATCH /api/v1/teams/:id {name?, memberIds?} (admins): memberIds replaces the member list. */
export async function updateTeam(auth: AuthContext, teamId: string, input: UpdateTeamInput) {
  assertUser(auth);
  const team = await findTeam(auth, teamId);
  assertCanAdminister(auth, team.workspaceId);
  const memberIds = input.memberIds && [...new Set(input.memberIds)];
  if (memberIds) await assertWorkspaceMembers(team.workspaceId, memberIds);
  const beforeIds = team.members.map((m) => m.user.id);
  const updated = await db().$transaction(async (tx) => {
    if (input.name !== undefined) await tx.team.update({ where: { id: teamId }, data: { name: input.name } });
    if (memberIds) {
      await tx.teamMember.deleteMany({ where: { teamId, userId: { notIn: memberIds } } });
      await tx.teamMember.createMany({ data: memberIds.map((userId) => ({ teamId, userId })), skipDuplicates: true });
    }
    await tx.auditLog.create({
      data: auditRow({
        workspaceId: team.workspaceId,
        actor: userActor(auth.userId),
        action: "team.updated",
        targetType: "team",
        targetId: teamId,
        before: { name: team.name, memberIds: beforeIds },
        after: { name: input.name ?? team.name, memberIds: memberIds ?? beforeIds },
      }),
    });
    return tx.team.findUniqueOrThrow({ where: { id: teamId }, include: TEAM_INCLUDE });
  });
  return toTeamDto(updated);
}
