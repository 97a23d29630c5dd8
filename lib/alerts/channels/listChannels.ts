import { toChannelDto } from "@/lib/alerts/channels/channelDto";
import { db } from "@/lib/db/prisma";

export async function listChannels(input: { workspaceId: string }) {
  const channels = await db().notificationChannel.findMany({
    where: { workspaceId: input.workspaceId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return { items: channels.map(toChannelDto) };
}
