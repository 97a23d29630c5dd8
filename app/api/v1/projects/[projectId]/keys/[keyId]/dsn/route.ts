import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { IngestKeyParamsSchema } from "@/lib/projects/projectSchemas";
import { publicOrigin } from "@/lib/projects/publicOrigin";
import { revealProjectKey } from "@/lib/projects/revealProjectKey";

type Ctx = { params: Promise<{ projectId: string; keyId: string }> };

/**
 * GET /api/v1/projects/:projectId/keys/:keyId/dsn — the key in full and its DSN, opened from the
 * key's sealed copy; admins, audited. 410 revoked, 409 created before keys were kept, 503 when the
 * copy no longer opens with FAULTLINE_SECRET_KEY. `Cache-Control: private, no-store` (handle()).
 */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { projectId, keyId } = parseWith(IngestKeyParamsSchema, await params);
  const auth = await requireSessionUser(req);
  return Response.json(await revealProjectKey(auth, { projectId, keyId }, publicOrigin(req)));
});
