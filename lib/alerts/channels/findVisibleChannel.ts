import type { AuthContext } from "@/lib/auth/AuthContext";
import { canViewWorkspace } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { isUuid } from "@/lib/ids/uuidv7";

/** The channel if the caller may see its workspace; 404 otherwise. */
export async function findVisibleChannel(auth: AuthContext, channelId: string) {
  if (!isUuid(channelId)) throw ApiError.notFound("channel not found");
  const channel = await db().notificationChannel.findUnique({ where: { id: channelId } });
  if (!channel || !canViewWorkspace(auth, channel.workspaceId)) throw ApiError.notFound("channel not found");
  return channel;
}
