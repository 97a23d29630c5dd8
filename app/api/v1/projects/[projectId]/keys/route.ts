import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { createProjectKey } from "@/lib/projects/createProjectKey";
import { listIngestKeys } from "@/lib/projects/listIngestKeys";
import { CreateIngestKeySchema, ProjectParamsSchema } from "@/lib/projects/projectSchemas";

type Ctx = { params: Promise<{ projectId: string }> };

/** GET /api/v1/projects/:projectId/keys — the project's ingest keys (prefix only, never the key); admins. */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { projectId } = parseWith(ProjectParamsSchema, await params);
  const auth = await requireSessionUser(req);
  return Response.json(await listIngestKeys(auth, projectId));
});

/** POST /api/v1/projects/:projectId/keys — creates a key; the response is the only time it is shown. */
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const { projectId } = parseWith(ProjectParamsSchema, await params);
  const input = parseWith(CreateIngestKeySchema, await readJson(req));
  const auth = await requireSessionUser(req);
  const key = await createProjectKey(auth, projectId, input);
  return Response.json(key, { status: 201, headers: { "cache-control": "no-store" } });
});
