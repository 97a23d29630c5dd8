import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { deleteProguardMapping } from "@/lib/proguard/deleteProguardMapping";
import { ProguardParamsSchema } from "@/lib/proguard/proguardSchemas";

type Ctx = { params: Promise<{ projectId: string; uuid: string }> };

/** DELETE /api/v1/projects/:projectId/proguard/:uuid — the mapping goes; events already stored stay as they were retraced. */
export const DELETE = handle(async (req: Request, { params }: Ctx) => {
  const { projectId, uuid } = parseWith(ProguardParamsSchema, await params);
  const auth = await requireSessionUser(req);
  await deleteProguardMapping(auth, projectId, uuid);
  return new Response(null, { status: 204 });
});
