import type { SignInResult } from "@/lib/auth/finishSignIn";
import { sessionCookie } from "@/lib/auth/session";
import { challengeCookie } from "@/lib/auth/signInChallenge";

/** What a sign-in answers (login, password reset, invitation): signed in, or a code is needed next. */
export type SignInAnswer = { ok: true; twoFactorRequired?: undefined } | { ok?: undefined; twoFactorRequired: true; expiresAt: string };

/**
 * The answer to a finished first factor: `{ok: true, …body}` with the session cookie, or
 * `{twoFactorRequired: true, expiresAt, …body}` with the challenge cookie (the client then asks for a
 * code and posts it to /api/v1/auth/two-factor).
 */
export function signInResponse(req: Request, result: SignInResult, body: Record<string, unknown> = {}): Response {
  if (result.kind === "session") {
    return Response.json({ ok: true, ...body }, { headers: { "set-cookie": sessionCookie(req, result.token, result.expiresAt) } });
  }
  return Response.json(
    { twoFactorRequired: true, expiresAt: result.expiresAt.toISOString(), ...body },
    { headers: { "set-cookie": challengeCookie(req, result.token, result.expiresAt), "cache-control": "no-store" } },
  );
}
