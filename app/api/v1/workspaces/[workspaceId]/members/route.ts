import { z } from "zod";
import { assertCanViewWorkspace } from "@/lib/auth/permissions";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { listMembers } from "@/lib/workspaces/listMembers";

type Ctx = { params: Promise<{ workspaceId: string }> };

const ParamsSchema = z.object({ workspaceId: z.uuid() });

/** GET /api/v1/workspaces/:workspaceId/members — who can be assigned to an error. */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { workspaceId } = parseWith(ParamsSchema, await params);
  const auth = await requireSessionUser(req);
  assertCanViewWorkspace(auth, workspaceId);
  return Response.json(await listMembers({ workspaceId }));
});
