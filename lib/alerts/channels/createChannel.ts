import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister } from "@/lib/auth/permissions";
import { auditData } from "@/lib/alerts/auditData";
import { parseChannelConfig, splitConfig } from "@/lib/alerts/channels/channelConfig";
import { toChannelDto } from "@/lib/alerts/channels/channelDto";
import { ALL_STAGES, DEFAULT_SEVERITIES } from "@/lib/alerts/channels/channelRouting";
import type { CreateChannelInput } from "@/lib/alerts/channels/channelSchemas";
import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { uuidv7 } from "@/lib/ids/uuidv7";

/** Adds a notification channel (admins). Secrets go to their own column; the audit entry is masked. */
export async function createChannel(auth: AuthContext, workspaceId: string, input: CreateChannelInput) {
  assertCanAdminister(auth, workspaceId);
  const { config } = parseChannelConfig(input.kind, input.config);
  const split = splitConfig(input.kind, config);
  const id = uuidv7();
  const channel = await db().notificationChannel.create({
    data: {
      id,
      workspaceId,
      name: input.name,
      kind: input.kind,
      enabled: input.enabled,
      severities: input.severities ?? DEFAULT_SEVERITIES[input.kind],
      stages: input.stages ?? ALL_STAGES,
      config: split.config as Prisma.InputJsonValue,
      secrets: split.secrets as Prisma.InputJsonValue,
    },
  });
  const dto = toChannelDto(channel);
  await db().auditLog.create({
    data: auditData({ workspaceId, actorId: auth.kind === "user" ? auth.userId : null, action: "notification_channel.created", targetType: "notification_channel", targetId: id, after: dto }),
  });
  return dto;
}
