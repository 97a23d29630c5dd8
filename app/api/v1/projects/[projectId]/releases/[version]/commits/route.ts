import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { listReleaseCommits } from "@/lib/releases/commits/listReleaseCommits";
import { MAX_RELEASE_COMMITS_BYTES, ReleaseCommitParamsSchema, SetReleaseCommitsSchema } from "@/lib/releases/commits/releaseCommitSchemas";
import { setReleaseCommits } from "@/lib/releases/commits/setReleaseCommits";

type Ctx = { params: Promise<{ projectId: string; version: string }> };

/** GET /api/v1/projects/:projectId/releases/:version/commits — the release's commits, newest first (any member). */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { projectId, version } = parseWith(ReleaseCommitParamsSchema, await params);
  const auth = await requireSessionUser(req);
  return Response.json(await listReleaseCommits(auth, projectId, version));
});

/** PUT /api/v1/projects/:projectId/releases/:version/commits {commits: [{sha, message?, author?, timestamp?, files?}]} — replaces them (members and admins). */
export const PUT = handle(async (req: Request, { params }: Ctx) => {
  const { projectId, version } = parseWith(ReleaseCommitParamsSchema, await params);
  const input = parseWith(SetReleaseCommitsSchema, await readJson(req, { maxBytes: MAX_RELEASE_COMMITS_BYTES }));
  const auth = await requireSessionUser(req);
  return Response.json(await setReleaseCommits(auth, projectId, version, input));
});
