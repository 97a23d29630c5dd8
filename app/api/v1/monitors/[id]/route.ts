import { requireSessionUser } from "@/lib/auth/session";
import { deleteMonitor } from "@/lib/crons/deleteMonitor";
import { MonitorParamsSchema, UpdateMonitorSchema } from "@/lib/crons/monitorConfig";
import { updateMonitor } from "@/lib/crons/updateMonitor";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";

type Ctx = { params: Promise<{ id: string }> };

/** PATCH /api/v1/monitors/:id {schedule?, timezone?, checkinMargin?, maxRuntime?, failureIssueThreshold?, recoveryThreshold?, muted?} — members and admins; audited. */
export const PATCH = handle(async (req: Request, { params }: Ctx) => {
  const { id } = parseWith(MonitorParamsSchema, await params);
  const input = parseWith(UpdateMonitorSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await updateMonitor(auth, id, input));
});

/** DELETE /api/v1/monitors/:id — the monitor and its runs (admins; audited). */
export const DELETE = handle(async (req: Request, { params }: Ctx) => {
  const { id } = parseWith(MonitorParamsSchema, await params);
  const auth = await requireSessionUser(req);
  await deleteMonitor(auth, id);
  return new Response(null, { status: 204 });
});
