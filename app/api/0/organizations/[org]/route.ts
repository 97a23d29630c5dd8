import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { publicOrigin } from "@/lib/projects/publicOrigin";
import { sentryOrganization } from "@/lib/workspaces/sentryOrganization";
import { OrganizationParamsSchema } from "@/lib/workspaces/workspaceSchemas";

type Ctx = { params: Promise<{ org: string }> };

/** GET /api/0/organizations/:org/ — the workspace as Sentry's tools read an organization (slug, name, region URL). */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { org } = parseWith(OrganizationParamsSchema, await params);
  const auth = await requireSessionUser(req);
  return Response.json(await sentryOrganization(auth, org, publicOrigin(req)));
});
