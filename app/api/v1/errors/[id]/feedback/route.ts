import { requireSessionUser } from "@/lib/auth/session";
import { IssueFeedbackQuerySchema, listIssueFeedback } from "@/lib/feedback/listIssueFeedback";
import { handle } from "@/lib/http/handle";
import { parseSearchParams } from "@/lib/http/parseWith";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/errors/:id/feedback?limit= — what people wrote about the issue's events, newest first (signed-in members: it names end users). */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const query = parseSearchParams(IssueFeedbackQuerySchema, req);
  const auth = await requireSessionUser(req);
  return Response.json(await listIssueFeedback(auth, id, query));
});
