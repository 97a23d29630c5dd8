import { auditRow, userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister, assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { assertWorkspaceMembers } from "@/lib/teams/assertWorkspaceMembers";
import { TEAM_INCLUDE, toTeamDto } from "@/lib/teams/teamDto";
import type { CreateTeamInput } from "@/lib/teams/teamSchemas";

/** POST /api/v1/workspaces/:id/teams {name, memberIds} (admins); a name taken in the workspace is a 409. */
export async function createTeam(auth: AuthContext, workspaceId: string, input: CreateTeamInput) {
  assertUser(auth);
  assertCanAdminister(auth, workspaceId);
  const memberIds = [...new Set(input.memberIds)];
  await assertWorkspaceMembers(workspaceId, memberIds);
  const id = uuidv7();
  const team = await db().$transaction(async (tx) => {
    await tx.team.create({ data: { id, workspaceId, name: input.name, members: { create: memberIds.map((userId) => ({ userId })) } } });
    await tx.auditLog.create({ data: auditRow({ workspaceId, actor: userActor(auth.userId), action: "team.created", targetType: "team", targetId: id, after: { name: input.name, memberIds } }) });
    return tx.team.findUniqueOrThrow({ where: { id }, include: TEAM_INCLUDE });
  });
  return toTeamDto(team);
}
