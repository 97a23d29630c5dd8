import { listSessions } from "@/lib/account/listSessions";
import { revokeOtherSessions } from "@/lib/account/revokeSessions";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";

/** GET /api/v1/account/sessions — your sessions (the current one marked). */
export const GET = handle(async (req: Request) => {
  const auth = await requireSessionUser(req);
  return Response.json(await listSessions(auth));
});

/** DELETE /api/v1/account/sessions — signs out all your other sessions. */
export const DELETE = handle(async (req: Request) => {
  const auth = await requireSessionUser(req);
  return Response.json(await revokeOtherSessions(auth));
});
