import { clientInfo } from "@/lib/auth/clientInfo";
import { readCookie, sessionCookie } from "@/lib/auth/session";
import { CHALLENGE_COOKIE, clearedChallengeCookie } from "@/lib/auth/signInChallenge";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { completeTwoFactorSignIn } from "@/lib/twoFactor/completeTwoFactorSignIn";
import { TwoFactorSignInSchema } from "@/lib/twoFactor/twoFactorSchemas";

/**
 * POST /api/v1/auth/two-factor {code} — the second step of a sign-in (challenge cookie): sets the
 * session cookie; after an invitation's password, `joined: {workspaceId, role}` (null when the
 * invitation could no longer be accepted).
 */
export const POST = handle(async (req: Request) => {
  const { code } = parseWith(TwoFactorSignInSchema, await readJson(req));
  const session = await completeTwoFactorSignIn(readCookie(req, CHALLENGE_COOKIE), code, clientInfo(req));
  const headers = new Headers();
  headers.append("set-cookie", sessionCookie(req, session.token, session.expiresAt));
  headers.append("set-cookie", clearedChallengeCookie(req));
  return Response.json(
    { ok: true, ...(session.recoveryCodesLeft !== undefined && { recoveryCodesLeft: session.recoveryCodesLeft }), ...(session.joined !== undefined && { joined: session.joined }) },
    { headers },
  );
});
