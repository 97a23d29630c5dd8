import { clientInfo } from "@/lib/auth/clientInfo";
import { LoginSchema } from "@/lib/auth/loginSchema";
import { readCookie, SESSION_COOKIE, sessionCookie, signIn } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";

/** POST /api/v1/auth/login — email + password; sets the HTTP-only session cookie. 429 + Retry-After when limited. */
export const POST = handle(async (req: Request) => {
  const { email, password } = parseWith(LoginSchema, await readJson(req));
  const { token, expiresAt } = await signIn(email, password, clientInfo(req), readCookie(req, SESSION_COOKIE));
  return Response.json({ ok: true }, { headers: { "set-cookie": sessionCookie(req, token, expiresAt) } });
});
