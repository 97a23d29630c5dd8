import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { countUnread, inboxWorkspaceIds } from "@/lib/notifications/listNotifications";
import type { MarkNotificationsInput } from "@/lib/notifications/notificationSchemas";

/**
 * POST /api/v1/notifications/read — marks your notifications named by id (anyone else's ids are
 * ignored), or all of them, read (or unread again); answers how many changed and how many are unread.
 */
export async function markNotificationsRead(auth: AuthContext, input: MarkNotificationsInput): Promise<{ updated: number; unreadCount: number }> {
  assertUser(auth);
  const { count } = await db().userNotification.updateMany({
    where: { userId: auth.userId, ...(input.ids ? { id: { in: input.ids } } : {}), readAt: input.read ? null : { not: null } },
    data: { readAt: input.read ? new Date() : null },
  });
  return { updated: count, unreadCount: await countUnread(auth.userId, inboxWorkspaceIds(auth)) };
}
