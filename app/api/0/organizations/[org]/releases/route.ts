import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { NewReleaseSchema } from "@/lib/releases/declared/declaredReleaseSchemas";
import { declareRelease } from "@/lib/releases/declared/declaredReleases";
import { OrganizationParamsSchema } from "@/lib/workspaces/workspaceSchemas";

type Ctx = { params: Promise<{ org: string }> };

/** POST /api/0/organizations/:org/releases/ {version, projects, url?, dateStarted?, dateReleased?} — `sentry-cli releases new`: 201, or 200 when it existed. */
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const { org } = parseWith(OrganizationParamsSchema, await params);
  const input = parseWith(NewReleaseSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  const { created, release } = await declareRelease(auth, org, input);
  return Response.json(release, { status: created ? 201 : 200 });
});
