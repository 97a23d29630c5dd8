import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { OrganizationParamsSchema } from "@/lib/workspaces/workspaceSchemas";
import { listRepositoryIntegrations } from "@/lib/releases/declared/listRepositoryIntegrations";

type Ctx = { params: Promise<{ org: string }> };

/** GET /api/0/organizations/:org/repos/ — repository integrations (none: `sentry-cli releases set-commits` then reads commits from local git). */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { org } = parseWith(OrganizationParamsSchema, await params);
  const auth = await requireSessionUser(req);
  return Response.json(await listRepositoryIntegrations(auth, org));
});
