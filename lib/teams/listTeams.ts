import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanViewWorkspace } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { TEAM_INCLUDE, toTeamDto } from "@/lib/teams/teamDto";

/** GET /api/v1/workspaces/:id/teams — teams with their members (any member). */
export async function listTeams(auth: AuthContext, workspaceId: string) {
  assertCanViewWorkspace(auth, workspaceId);
  const teams = await db().team.findMany({ where: { workspaceId }, include: TEAM_INCLUDE, orderBy: { name: "asc" } });
  return { items: teams.map(toTeamDto) };
}

export type TeamList = Awaited<ReturnType<typeof listTeams>>;
