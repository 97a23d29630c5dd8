import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { WorkspaceParamsSchema, type WorkspaceRouteContext } from "@/lib/http/workspaceRoute";
import { createTeam } from "@/lib/teams/createTeam";
import { listTeams } from "@/lib/teams/listTeams";
import { CreateTeamSchema } from "@/lib/teams/teamSchemas";

/** GET /api/v1/workspaces/:workspaceId/teams — teams and their members (any member). */
export const GET = handle(async (req: Request, { params }: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await params);
  const auth = await requireSessionUser(req);
  return Response.json(await listTeams(auth, workspaceId));
});

/** POST /api/v1/workspaces/:workspaceId/teams {name, memberIds} — admins. */
export const POST = handle(async (req: Request, { params }: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await params);
  const input = parseWith(CreateTeamSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await createTeam(auth, workspaceId, input), { status: 201 });
});
