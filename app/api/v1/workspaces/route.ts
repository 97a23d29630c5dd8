import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { createWorkspaceForUser } from "@/lib/workspaces/createWorkspaceForUser";
import { CreateWorkspaceSchema } from "@/lib/workspaces/workspaceSchemas";

/** POST /api/v1/workspaces {name} — a new workspace; the creator becomes its admin. */
export const POST = handle(async (req: Request) => {
  const input = parseWith(CreateWorkspaceSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await createWorkspaceForUser(auth, input), { status: 201 });
});
