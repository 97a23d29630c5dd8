import { sendTestNotification } from "@/lib/alerts/channels/sendTestNotification";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";

type Ctx = { params: Promise<{ id: string }> };

/** POST /api/v1/channels/:id/test — sends a test notification now and returns the receiver's answer (admins). */
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const auth = await requireSessionUser(req);
  return Response.json(await sendTestNotification(auth, id));
});
