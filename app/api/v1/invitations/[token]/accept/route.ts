import { clientInfo } from "@/lib/auth/clientInfo";
import { getBrowserSessionUser } from "@/lib/auth/session";
import { signInResponse } from "@/lib/auth/signInResponse";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { acceptInvitation } from "@/lib/invitations/acceptInvitation";
import { AcceptInvitationSchema, InvitationTokenParamsSchema } from "@/lib/invitations/invitationSchemas";

type Ctx = { params: Promise<{ token: string }> };

/** POST /api/v1/invitations/:token/accept {name, password} — joins (creating the user if new) and signs in (or asks for the account's two-factor code); 410 once used or expired. */
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const { token } = parseWith(InvitationTokenParamsSchema, await params);
  const input = parseWith(AcceptInvitationSchema, await readJson(req));
  const signedIn = await getBrowserSessionUser(req);
  const { result, workspaceId, role } = await acceptInvitation(token, input, clientInfo(req), signedIn);
  return signInResponse(req, result, { workspaceId, role });
});
