import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { deleteTeam } from "@/lib/teams/deleteTeam";
import { TeamParamsSchema, UpdateTeamSchema } from "@/lib/teams/teamSchemas";
import { updateTeam } from "@/lib/teams/updateTeam";

type Ctx = { params: Promise<{ id: string }> };

/** PATCH /api/v1/teams/:id {name?, memberIds?} — admins. */
export const PATCH = handle(async (req: Request, { params }: Ctx) => {
  const { id } = parseWith(TeamParamsSchema, await params);
  const input = parseWith(UpdateTeamSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await updateTeam(auth, id, input));
});

/** DELETE /api/v1/teams/:id — admins. */
export const DELETE = handle(async (req: Request, { params }: Ctx) => {
  const { id } = parseWith(TeamParamsSchema, await params);
  const auth = await requireSessionUser(req);
  await deleteTeam(auth, id);
  return new Response(null, { status: 204 });
});
