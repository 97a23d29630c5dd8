import { requireSessionUser } from "@/lib/auth/session";
import { CheckInListQuerySchema, listCheckIns } from "@/lib/crons/listCheckIns";
import { MonitorParamsSchema } from "@/lib/crons/monitorConfig";
import { handle } from "@/lib/http/handle";
import { parseSearchParams, parseWith } from "@/lib/http/parseWith";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/monitors/:id/check-ins?page=&pageSize= — the monitor and its runs, newest first (any member). */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { id } = parseWith(MonitorParamsSchema, await params);
  const query = parseSearchParams(CheckInListQuerySchema, req);
  const auth = await requireSessionUser(req);
  return Response.json(await listCheckIns(auth, id, query));
});
