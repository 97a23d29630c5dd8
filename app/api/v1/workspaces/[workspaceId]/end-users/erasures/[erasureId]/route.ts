import { requireSessionUser } from "@/lib/auth/session";
import { ErasureParamsSchema } from "@/lib/endUsers/endUserSchemas";
import { getErasure } from "@/lib/endUsers/erasure/listErasures";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";

type Ctx = { params: Promise<{ workspaceId: string; erasureId: string }> };

/** GET /api/v1/workspaces/:workspaceId/end-users/erasures/:erasureId — one erasure's status (admins). */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { workspaceId, erasureId } = parseWith(ErasureParamsSchema, await params);
  const auth = await requireSessionUser(req);
  return Response.json(await getErasure(auth, workspaceId, erasureId));
});
