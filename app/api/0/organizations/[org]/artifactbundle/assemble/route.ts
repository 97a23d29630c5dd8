import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { assembleArtifactBundle } from "@/lib/sourcemaps/bundles/assembleArtifactBundle";
import { AssembleBundleSchema } from "@/lib/sourcemaps/bundles/chunkUploadSchemas";
import { OrganizationParamsSchema } from "@/lib/workspaces/workspaceSchemas";

type Ctx = { params: Promise<{ org: string }> };

/** POST /api/0/organizations/:org/artifactbundle/assemble/ — sentry-cli's `sourcemaps upload`: which chunks are missing, then the bundle put together and stored. */
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const { org } = parseWith(OrganizationParamsSchema, await params);
  const input = parseWith(AssembleBundleSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await assembleArtifactBundle(auth, org, input));
});
