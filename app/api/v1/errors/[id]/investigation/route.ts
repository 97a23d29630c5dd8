import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { getInvestigation } from "@/lib/investigation/getInvestigation";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/errors/:id/investigation — pattern, similar issues, same run / trace, runbook checklist (signed-in members: related issues span the workspace, beyond an ingest key's project). */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const auth = await requireSessionUser(req);
  return Response.json(await getInvestigation(auth, id));
});
