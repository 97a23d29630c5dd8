import type { AuthContext } from "@/lib/auth/AuthContext";
import { visibleItem } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { TEAM_INCLUDE } from "@/lib/teams/teamDto";

/** A team of one of the caller's workspaces; 404 otherwise; 403 two_factor_required in a workspace of theirs that keeps them out (visibleItem). */
export async function findTeam(auth: AuthContext, teamId: string) {
  return visibleItem(auth, await db().team.findUnique({ where: { id: teamId }, include: TEAM_INCLUDE }), () => ApiError.notFound("team not found"));
}
