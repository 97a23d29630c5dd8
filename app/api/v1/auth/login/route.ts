import { clientInfo } from "@/lib/auth/clientInfo";
import { LoginSchema } from "@/lib/auth/loginSchema";
import { clearedLinkCookieHeader, LINK_COOKIE } from "@/lib/auth/oidc/pendingLink";
import { readPendingLink } from "@/lib/auth/oidc/readPendingLink";
import { cookieSecureFlag, readCookie, SESSION_COOKIE } from "@/lib/auth/session";
import { signIn } from "@/lib/auth/signIn";
import { signInResponse } from "@/lib/auth/signInResponse";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";

/**
 * POST /api/v1/auth/login — email + password; sets the HTTP-only session cookie, or (two-factor
 * accounts) answers `{twoFactorRequired: true}` with a challenge cookie. 429 + Retry-After when limited.
 * With a pending single sign-on link (cookie) naming this account, the sign-in also links the
 * provider's identity (after the code, for two-factor accounts); the cookie is spent either way.
 */
export const POST = handle(async (req: Request) => {
  const { email, password } = parseWith(LoginSchema, await readJson(req));
  const linkCookie = readCookie(req, LINK_COOKIE);
  const res = signInResponse(req, await signIn(email, password, clientInfo(req), readCookie(req, SESSION_COOKIE), readPendingLink(linkCookie)));
  if (linkCookie !== undefined) res.headers.append("set-cookie", clearedLinkCookieHeader(cookieSecureFlag(req)));
  return res;
});
