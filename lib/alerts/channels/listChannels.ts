import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanViewWorkspace } from "@/lib/auth/permissions";
import { toChannelDto } from "@/lib/alerts/channels/channelDto";
import { db } from "@/lib/db/prisma";

/** A workspace's notification channels, secrets masked (any member). */
export async function listChannels(auth: AuthContext, input: { workspaceId: string }) {
  assertCanViewWorkspace(auth, input.workspaceId);
  const channels = await db().notificationChannel.findMany({
    where: { workspaceId: input.workspaceId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return { items: channels.map(toChannelDto) };
}
