import { getBrowserSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { describeInvitation } from "@/lib/invitations/findInvitationByToken";
import { InvitationTokenParamsSchema } from "@/lib/invitations/invitationSchemas";

type Ctx = { params: Promise<{ token: string }> };

/** GET /api/v1/invitations/:token — workspace, email and role of a pending invitation (the link is the credential), and whether this browser is signed in as the invitee; 410 once used or expired. */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { token } = parseWith(InvitationTokenParamsSchema, await params);
  const signedIn = await getBrowserSessionUser(req);
  return Response.json(await describeInvitation(token, signedIn?.userId ?? null), { headers: { "cache-control": "no-store" } });
});
