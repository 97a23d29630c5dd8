import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { UpdateNotificationSettingsSchema } from "@/lib/notifications/notificationSchemas";
import { getNotificationSettings, updateNotificationSettings } from "@/lib/notifications/notificationSettings";

/** GET /api/v1/account/notifications — your delivery per notification kind. */
export const GET = handle(async (req: Request) => {
  const auth = await requireSessionUser(req);
  return Response.json(await getNotificationSettings(auth));
});

/** PATCH /api/v1/account/notifications `{assigned?, regressed?, commented?, mentioned?, resolved?}` — each `off` | `inbox` | `email`. */
export const PATCH = handle(async (req: Request) => {
  const input = parseWith(UpdateNotificationSettingsSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await updateNotificationSettings(auth, input));
});
