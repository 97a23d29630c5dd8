import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { DeclaredReleaseParamsSchema, NewDeploySchema } from "@/lib/releases/declared/declaredReleaseSchemas";
import { createDeploy, listDeploys } from "@/lib/releases/declared/releaseDeploys";

type Ctx = { params: Promise<{ org: string; version: string }> };

/** GET /api/0/organizations/:org/releases/:version/deploys/ — the release's deploys, newest first (`sentry-cli deploys list`). */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { org, version } = parseWith(DeclaredReleaseParamsSchema, await params);
  const auth = await requireSessionUser(req);
  return Response.json(await listDeploys(auth, org, version));
});

/** POST /api/0/organizations/:org/releases/:version/deploys/ {environment, name?, url?, dateStarted?, dateFinished?, projects?} — `sentry-cli deploys new`. */
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const { org, version } = parseWith(DeclaredReleaseParamsSchema, await params);
  const input = parseWith(NewDeploySchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await createDeploy(auth, org, version, input), { status: 201 });
});
