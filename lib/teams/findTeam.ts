import type { AuthContext } from "@/lib/auth/AuthContext";
import { canViewWorkspace } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { TEAM_INCLUDE } from "@/lib/teams/teamDto";

/** A team of one of the caller's workspaces; 404 otherwise. */
export async function findTeam(auth: AuthContext, teamId: string) {
  const team = await db().team.findUnique({ where: { id: teamId }, include: TEAM_INCLUDE });
  if (!team || !canViewWorkspace(auth, team.workspaceId)) throw ApiError.notFound("team not found");
  return team;
}
