import { joinConfig } from "@/lib/alerts/channels/channelConfig";
import { maskConfig } from "@/lib/alerts/channels/maskSecrets";
import type { NotificationChannel } from "@/lib/generated/prisma/client";

/** The JSON shape of a channel: its configuration with every secret masked (never the real value). */
export function toChannelDto(channel: NotificationChannel) {
  return {
    id: channel.id,
    workspaceId: channel.workspaceId,
    name: channel.name,
    kind: channel.kind,
    enabled: channel.enabled,
    severities: channel.severities,
    stages: channel.stages,
    config: maskConfig(channel.kind, joinConfig(channel.config, channel.secrets)),
    createdAt: channel.createdAt.toISOString(),
    updatedAt: channel.updatedAt.toISOString(),
  };
}

export type ChannelDto = ReturnType<typeof toChannelDto>;
