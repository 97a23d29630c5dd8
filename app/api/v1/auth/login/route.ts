import { clientInfo } from "@/lib/auth/clientInfo";
import { LoginSchema } from "@/lib/auth/loginSchema";
import { readCookie, SESSION_COOKIE } from "@/lib/auth/session";
import { signIn } from "@/lib/auth/signIn";
import { signInResponse } from "@/lib/auth/signInResponse";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";

/**
 * POST /api/v1/auth/login — email + password; sets the HTTP-only session cookie, or (two-factor
 * accounts) answers `{twoFactorRequired: true}` with a challenge cookie. 429 + Retry-After when limited.
 */
export const POST = handle(async (req: Request) => {
  const { email, password } = parseWith(LoginSchema, await readJson(req));
  return signInResponse(req, await signIn(email, password, clientInfo(req), readCookie(req, SESSION_COOKIE)));
});
