import { unassignPeople } from "@/lib/assignment/unassignPeople";
import { auditRow, userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister, assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { assertWorkspaceMembers } from "@/lib/teams/assertWorkspaceMembers";
import { findTeam } from "@/lib/teams/findTeam";
import { TEAM_INCLUDE, toTeamDto } from "@/lib/teams/teamDto";
import type { UpdateTeamInput } from "@/lib/teams/teamSchemas";

/**
 * PATCH /api/v1/teams/:id {name?, memberIds?} (admins): memberIds replaces the member list. People
 * taken out of the team are taken off the issues assigned to them as this team's (the team keeps
 * them), each issue audited: an issue's person belongs to its team.
 */
export async function updateTeam(auth: AuthContext, teamId: string, input: UpdateTeamInput) {
  assertUser(auth);
  const team = await findTeam(auth, teamId);
  assertCanAdminister(auth, team.workspaceId);
  const memberIds = input.memberIds && [...new Set(input.memberIds)];
  if (memberIds) await assertWorkspaceMembers(team.workspaceId, memberIds);
  const beforeIds = team.members.map((m) => m.user.id);
  const actor = userActor(auth.userId);
  const updated = await db().$transaction(async (tx) => {
    if (input.name !== undefined) await tx.team.update({ where: { id: teamId }, data: { name: input.name } });
    if (memberIds) {
      const leaving = await tx.teamMember.findMany({ where: { teamId, userId: { notIn: memberIds } }, select: { userId: true } });
      await tx.teamMember.deleteMany({ where: { teamId, userId: { notIn: memberIds } } });
      await tx.teamMember.createMany({ data: memberIds.map((userId) => ({ teamId, userId })), skipDuplicates: true });
      await unassignPeople(tx, { workspaceId: team.workspaceId, userIds: leaving.map((m) => m.userId), teamId }, actor, "left_team");
    }
    await tx.auditLog.create({
      data: auditRow({
        workspaceId: team.workspaceId,
        actor,
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
