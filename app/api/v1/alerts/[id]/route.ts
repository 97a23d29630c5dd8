import { UpdateAlertSchema } from "@/lib/alerts/alertSchemas";
import { getAlert } from "@/lib/alerts/getAlert";
import { updateAlert } from "@/lib/alerts/updateAlert";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/v1/alerts/:id — the alert, its deliveries and audit trail. */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const auth = await requireSessionUser(req);
  return Response.json(await getAlert(auth, id));
});

/** PATCH /api/v1/alerts/:id {status: acknowledged|resolved} — members and admins. */
export const PATCH = handle(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const input = parseWith(UpdateAlertSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await updateAlert(auth, id, input));
});
