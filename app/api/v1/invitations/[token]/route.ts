import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { describeInvitation } from "@/lib/invitations/findInvitationByToken";
import { InvitationTokenParamsSchema } from "@/lib/invitations/invitationSchemas";

type Ctx = { params: Promise<{ token: string }> };

/** GET /api/v1/invitations/:token — workspace, email and role of a pending invitation (the link is the credential); 410 once used or expired. */
export const GET = handle(async (_req: Request, { params }: Ctx) => {
  const { token } = parseWith(InvitationTokenParamsSchema, await params);
  return Response.json(await describeInvitation(token), { headers: { "cache-control": "no-store" } });
});
