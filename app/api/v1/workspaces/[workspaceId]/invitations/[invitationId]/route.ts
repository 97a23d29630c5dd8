import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { InvitationParamsSchema } from "@/lib/invitations/invitationSchemas";
import { revokeInvitation } from "@/lib/invitations/revokeInvitation";

type Ctx = { params: Promise<{ workspaceId: string; invitationId: string }> };

/** DELETE /api/v1/workspaces/:workspaceId/invitations/:invitationId — withdraws a pending invitation; admins. */
export const DELETE = handle(async (req: Request, { params }: Ctx) => {
  const { workspaceId, invitationId } = parseWith(InvitationParamsSchema, await params);
  const auth = await requireSessionUser(req);
  await revokeInvitation(auth, workspaceId, invitationId);
  return new Response(null, { status: 204 });
});
