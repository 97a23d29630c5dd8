import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { assembleDifs } from "@/lib/proguard/assembleDifs";
import { AssembleDifsSchema } from "@/lib/proguard/proguardSchemas";
import { SentryProjectParamsSchema } from "@/lib/workspaces/workspaceSchemas";

type Ctx = { params: Promise<{ org: string; project: string }> };

/** POST /api/0/projects/:org/:project/files/difs/assemble/ — sentry-cli's `upload-proguard`: which chunks are missing, then each mapping stored. */
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const { org, project } = parseWith(SentryProjectParamsSchema, await params);
  const input = parseWith(AssembleDifsSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await assembleDifs(auth, org, project, input));
});
