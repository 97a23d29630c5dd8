import { clearedSessionCookie, readCookie, SESSION_COOKIE, signOut } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";

/** POST /api/v1/auth/logout — ends the session and clears the cookie. */
export const POST = handle(async (req: Request) => {
  await signOut(readCookie(req, SESSION_COOKIE));
  return Response.json({ ok: true }, { headers: { "set-cookie": clearedSessionCookie(req) } });
});
