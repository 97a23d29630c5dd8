import { requireSessionUser } from "@/lib/auth/session";
import { MonitorParamsSchema } from "@/lib/crons/monitorConfig";
import { checkMonitorNow } from "@/lib/crons/uptime/checkMonitorNow";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";

type Ctx = { params: Promise<{ id: string }> };

/** POST /api/v1/monitors/:id/check — requests an uptime monitor's URL now and records the run (members and admins). */
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const { id } = parseWith(MonitorParamsSchema, await params);
  const auth = await requireSessionUser(req);
  return Response.json(await checkMonitorNow(auth, id));
});
