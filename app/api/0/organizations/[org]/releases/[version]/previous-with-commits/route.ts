import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { DeclaredReleaseParamsSchema } from "@/lib/releases/declared/declaredReleaseSchemas";
import { previousReleaseWithCommits } from "@/lib/releases/declared/declaredReleases";

type Ctx = { params: Promise<{ org: string; version: string }> };

/** GET /api/0/organizations/:org/releases/:version/previous-with-commits/ — where `set-commits --local` starts its range (`{}` when no release has commits). */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { org, version } = parseWith(DeclaredReleaseParamsSchema, await params);
  const auth = await requireSessionUser(req);
  return Response.json(await previousReleaseWithCommits(auth, org, version));
});
