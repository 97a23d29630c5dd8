import { requireSessionUser } from "@/lib/auth/session";
import { discardIssue, stopDiscarding } from "@/lib/errors/triage/discardIssue";
import { handle } from "@/lib/http/handle";

type Ctx = { params: Promise<{ id: string }> };

/** POST /api/v1/errors/:id/discard — ignore the issue and drop its new events at ingest (members and admins). */
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const auth = await requireSessionUser(req);
  return Response.json(await discardIssue(auth, id));
});

/** DELETE /api/v1/errors/:id/discard — store its new events again (members and admins). */
export const DELETE = handle(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const auth = await requireSessionUser(req);
  return Response.json(await stopDiscarding(auth, id));
});
