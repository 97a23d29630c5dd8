import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseSearchParams, parseWith } from "@/lib/http/parseWith";
import { readBody } from "@/lib/http/readBody";
import { ProjectParamsSchema } from "@/lib/projects/projectSchemas";
import { listProguardMappings } from "@/lib/proguard/listProguardMappings";
import { MAX_PROGUARD_BYTES, UploadProguardQuerySchema } from "@/lib/proguard/proguardSchemas";
import { uploadProguardMapping } from "@/lib/proguard/uploadProguardMapping";

type Ctx = { params: Promise<{ projectId: string }> };

/** GET /api/v1/projects/:projectId/proguard — the project's ProGuard / R8 mappings (never their content). */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { projectId } = parseWith(ProjectParamsSchema, await params);
  const auth = await requireSessionUser(req);
  return Response.json(await listProguardMappings(auth, projectId));
});

/** POST /api/v1/projects/:projectId/proguard?uuid= — the body is the mapping.txt (gzip allowed); replaces what the UUID had. */
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const { projectId } = parseWith(ProjectParamsSchema, await params);
  const query = parseSearchParams(UploadProguardQuerySchema, req);
  const auth = await requireSessionUser(req);
  const body = await readBody(req, { maxWireBytes: MAX_PROGUARD_BYTES, maxDecodedBytes: MAX_PROGUARD_BYTES });
  return Response.json(await uploadProguardMapping(auth, projectId, query, body), { status: 201 });
});
