import { requireSessionUser } from "@/lib/auth/session";
import { ExportEventsQuerySchema } from "@/lib/errors/events/eventSchemas";
import { exportEvents } from "@/lib/export/exportEvents";
import { handle } from "@/lib/http/handle";
import { parseSearchParams } from "@/lib/http/parseWith";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/errors/:id/events/export?format=csv|json — every event of the issue, newest first, streamed. */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const query = parseSearchParams(ExportEventsQuerySchema, req);
  const auth = await requireSessionUser(req);
  return exportEvents(auth, id, query);
});
