import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { MAX_RELEASE_COMMITS_BYTES } from "@/lib/releases/commits/releaseCommitSchemas";
import { DeclaredReleaseParamsSchema, UpdateReleaseSchema } from "@/lib/releases/declared/declaredReleaseSchemas";
import { getDeclaredRelease, updateDeclaredRelease } from "@/lib/releases/declared/declaredReleases";

type Ctx = { params: Promise<{ org: string; version: string }> };

/** GET /api/0/organizations/:org/releases/:version/ — a release a tool declared (404 otherwise). */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { org, version } = parseWith(DeclaredReleaseParamsSchema, await params);
  const auth = await requireSessionUser(req);
  return Response.json(await getDeclaredRelease(auth, org, version));
});

/** PUT /api/0/organizations/:org/releases/:version/ — `releases finalize`, `set-commits --local`, `--clear`. */
export const PUT = handle(async (req: Request, { params }: Ctx) => {
  const { org, version } = parseWith(DeclaredReleaseParamsSchema, await params);
  const input = parseWith(UpdateReleaseSchema, await readJson(req, { maxBytes: MAX_RELEASE_COMMITS_BYTES }));
  const auth = await requireSessionUser(req);
  return Response.json(await updateDeclaredRelease(auth, org, version, input));
});
