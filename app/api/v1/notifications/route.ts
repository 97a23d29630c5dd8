import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseSearchParams } from "@/lib/http/parseWith";
import { listNotifications } from "@/lib/notifications/listNotifications";
import { NotificationsQuerySchema } from "@/lib/notifications/notificationSchemas";

/** GET /api/v1/notifications?unread=&limit=&before= — your inbox, newest first, with the unread count. */
export const GET = handle(async (req: Request) => {
  const query = parseSearchParams(NotificationsQuerySchema, req);
  const auth = await requireSessionUser(req);
  return Response.json(await listNotifications(auth, query));
});
