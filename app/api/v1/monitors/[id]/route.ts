import { requireSessionUser } from "@/lib/auth/session";
import { deleteMonitor } from "@/lib/crons/deleteMonitor";
import { MonitorParamsSchema } from "@/lib/crons/monitorConfig";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";

type Ctx = { params: Promise<{ id: string }> };

/** DELETE /api/v1/monitors/:id — the monitor and its runs (admins; audited). */
export const DELETE = handle(async (req: Request, { params }: Ctx) => {
  const { id } = parseWith(MonitorParamsSchema, await params);
  const auth = await requireSessionUser(req);
  await deleteMonitor(auth, id);
  return new Response(null, { status: 204 });
});
