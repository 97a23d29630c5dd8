import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { IngestKeyParamsSchema } from "@/lib/projects/projectSchemas";
import { revokeProjectKey } from "@/lib/projects/revokeProjectKey";

type Ctx = { params: Promise<{ projectId: string; keyId: string }> };

/** DELETE /api/v1/projects/:projectId/keys/:keyId — revokes the key (kept for the record); admins. */
export const DELETE = handle(async (req: Request, { params }: Ctx) => {
  const { projectId, keyId } = parseWith(IngestKeyParamsSchema, await params);
  const auth = await requireSessionUser(req);
  await revokeProjectKey(auth, { projectId, keyId });
  return new Response(null, { status: 204 });
});
