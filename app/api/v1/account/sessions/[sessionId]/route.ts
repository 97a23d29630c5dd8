import { SessionParamsSchema } from "@/lib/account/accountSchemas";
import { revokeSession } from "@/lib/account/revokeSessions";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";

type Ctx = { params: Promise<{ sessionId: string }> };

/** DELETE /api/v1/account/sessions/:sessionId — signs out one of your sessions. */
export const DELETE = handle(async (req: Request, { params }: Ctx) => {
  const { sessionId } = parseWith(SessionParamsSchema, await params);
  const auth = await requireSessionUser(req);
  await revokeSession(auth, sessionId);
  return new Response(null, { status: 204 });
});
