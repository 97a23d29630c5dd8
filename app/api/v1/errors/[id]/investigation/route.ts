import { authenticate } from "@/lib/auth/authenticate";
import { handle } from "@/lib/http/handle";
import { getInvestigation } from "@/lib/investigation/getInvestigation";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/errors/:id/investigation — pattern, similar issues, same run / trace, runbook checklist. */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const auth = await authenticate(req);
  return Response.json(await getInvestigation(auth, id));
});
