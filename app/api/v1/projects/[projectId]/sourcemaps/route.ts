import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseSearchParams, parseWith } from "@/lib/http/parseWith";
import { readBody } from "@/lib/http/readBody";
import { ProjectParamsSchema } from "@/lib/projects/projectSchemas";
import { listSourceMaps } from "@/lib/sourcemaps/listSourceMaps";
import { ListSourceMapsQuerySchema, MAX_SOURCE_MAP_BYTES, UploadSourceMapQuerySchema } from "@/lib/sourcemaps/sourceMapSchemas";
import { uploadSourceMap } from "@/lib/sourcemaps/uploadSourceMap";

type Ctx = { params: Promise<{ projectId: string }> };

/** GET /api/v1/projects/:projectId/sourcemaps?release= — the project's source maps (never their content). */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { projectId } = parseWith(ProjectParamsSchema, await params);
  const { release } = parseSearchParams(ListSourceMapsQuerySchema, req);
  const auth = await requireSessionUser(req);
  return Response.json(await listSourceMaps(auth, projectId, release));
});

/** POST /api/v1/projects/:projectId/sourcemaps?release=&url= — the body is the .map file (gzip allowed); replaces the release's map for that URL. */
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const { projectId } = parseWith(ProjectParamsSchema, await params);
  // A NUL (%00) in release or url is replaced like in every query field: PostgreSQL cannot store it (it was a 500).
  const query = parseSearchParams(UploadSourceMapQuerySchema, req);
  const auth = await requireSessionUser(req);
  const body = await readBody(req, { maxWireBytes: MAX_SOURCE_MAP_BYTES, maxDecodedBytes: MAX_SOURCE_MAP_BYTES });
  return Response.json(await uploadSourceMap(auth, projectId, query, body), { status: 201 });
});
