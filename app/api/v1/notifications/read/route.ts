import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { markNotificationsRead } from "@/lib/notifications/markNotificationsRead";
import { MarkNotificationsSchema } from "@/lib/notifications/notificationSchemas";

/** POST /api/v1/notifications/read `{ids}` | `{all: true}` (+ `read: false` for unread) — your own notifications. */
export const POST = handle(async (req: Request) => {
  const input = parseWith(MarkNotificationsSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await markNotificationsRead(auth, input));
});
