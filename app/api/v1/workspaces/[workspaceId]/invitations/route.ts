import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { WorkspaceParamsSchema, type WorkspaceRouteContext } from "@/lib/http/workspaceRoute";
import { createInvitation } from "@/lib/invitations/createInvitation";
import { CreateInvitationSchema } from "@/lib/invitations/invitationSchemas";
import { listInvitations } from "@/lib/invitations/listInvitations";
import { linkOrigin } from "@/lib/projects/publicOrigin";

/** GET /api/v1/workspaces/:workspaceId/invitations — pending (and expired) invitations; admins. */
export const GET = handle(async (req: Request, { params }: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await params);
  const auth = await requireSessionUser(req);
  return Response.json(await listInvitations(auth, workspaceId));
});

/** POST /api/v1/workspaces/:workspaceId/invitations {email, role} — 201 {url, expiresAt}: the link is shown once. */
export const POST = handle(async (req: Request, { params }: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await params);
  const input = parseWith(CreateInvitationSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  const invitation = await createInvitation(auth, workspaceId, input, linkOrigin());
  return Response.json(invitation, { status: 201, headers: { "cache-control": "no-store" } });
});
