import type { AuthContext } from "@/lib/auth/AuthContext";
import { visibleItem } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { isUuid } from "@/lib/ids/uuidv7";

/** The channel if the caller may see its workspace; 404 otherwise; 403 two_factor_required in a workspace of theirs that keeps them out (visibleItem). */
export async function findVisibleChannel(auth: AuthContext, channelId: string) {
  if (!isUuid(channelId)) throw ApiError.notFound("channel not found");
  return visibleItem(auth, await db().notificationChannel.findUnique({ where: { id: channelId } }), () => ApiError.notFound("channel not found"));
}
