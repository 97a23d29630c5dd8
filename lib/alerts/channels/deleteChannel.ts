import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister } from "@/lib/auth/permissions";
import { auditData } from "@/lib/alerts/auditData";
import { toChannelDto } from "@/lib/alerts/channels/channelDto";
import { findVisibleChannel } from "@/lib/alerts/channels/findVisibleChannel";
import { db } from "@/lib/db/prisma";

/** Removes a channel and its delivery log (admins). */
export async function deleteChannel(auth: AuthContext, channelId: string): Promise<void> {
  const channel = await findVisibleChannel(auth, channelId);
  assertCanAdminister(auth, channel.workspaceId);
  await db().$transaction([
    db().notificationChannel.delete({ where: { id: channel.id } }),
    db().auditLog.create({
      data: auditData({
        workspaceId: channel.workspaceId,
        actorId: auth.kind === "user" ? auth.userId : null,
        action: "notification_channel.deleted",
        targetType: "notification_channel",
        targetId: channel.id,
        before: toChannelDto(channel),
      }),
    }),
  ]);
}
