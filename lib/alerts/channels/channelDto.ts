import { joinConfig } from "@/lib/alerts/channels/channelConfig";
import { openChannelSecrets } from "@/lib/alerts/channels/channelSecrets";
import { maskConfig } from "@/lib/alerts/channels/maskSecrets";
import type { NotificationChannel } from "@/lib/generated/prisma/client";

/**
 * The JSON shape of a channel: its configuration with every secret masked (never the real value).
 * `secretsUnreadable` is true when the stored secrets do not open with the configured keys (a lost
 * or wrong FAULTLINE_SECRET_KEY): the channel cannot send until its secrets are entered again.
 */
export function toChannelDto(channel: NotificationChannel) {
  let secrets: Record<string, unknown> = {};
  let secretsUnreadable = false;
  try {
    secrets = openChannelSecrets(channel.id, channel.secrets);
  } catch {
    secretsUnreadable = true;
  }
  return {
    id: channel.id,
    workspaceId: channel.workspaceId,
    name: channel.name,
    kind: channel.kind,
    enabled: channel.enabled,
    severities: channel.severities,
    stages: channel.stages,
    /** Only these projects' alerts; [] every alert of the workspace. */
    projectIds: channel.projectIds ?? [],
    config: maskConfig(channel.kind, joinConfig(channel.config, secrets)),
    secretsUnreadable,
    createdAt: channel.createdAt.toISOString(),
    updatedAt: channel.updatedAt.toISOString(),
  };
}

export type ChannelDto = ReturnType<typeof toChannelDto>;
