import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister } from "@/lib/auth/permissions";
import { auditData, changedFields } from "@/lib/alerts/auditData";
import { assertMembersTargets } from "@/lib/alerts/channels/assertMembersTargets";
import { SECRET_FIELDS } from "@/lib/alerts/channels/channelConfigSchemas";
import { assertSecretsStayWithDestination } from "@/lib/alerts/channels/secretsStayWithDestination";
import { joinConfig, mergeConfigPatch, parseChannelConfig, splitConfig } from "@/lib/alerts/channels/channelConfig";
import { toChannelDto } from "@/lib/alerts/channels/channelDto";
import type { UpdateChannelInput } from "@/lib/alerts/channels/channelSchemas";
import { openChannelSecrets, sealChannelSecrets } from "@/lib/alerts/channels/channelSecrets";
import { findVisibleChannel } from "@/lib/alerts/channels/findVisibleChannel";
import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertConfigUrls } from "@/lib/outbound/assertOutboundUrls";
import { assertWorkspaceProjects } from "@/lib/projects/assertWorkspaceProjects";

/** Edits a channel (admins). The merged configuration is validated as a whole. */
export async function updateChannel(auth: AuthContext, channelId: string, input: UpdateChannelInput) {
  const channel = await findVisibleChannel(auth, channelId);
  assertCanAdminister(auth, channel.workspaceId);
  const data: Prisma.NotificationChannelUpdateInput = {
    name: input.name,
    enabled: input.enabled,
    severities: input.severities,
    stages: input.stages,
    projectIds: input.projectIds,
  };
  await assertWorkspaceProjects(channel.workspaceId, input.projectIds);
  if (input.config) {
    // Secrets that no longer open (lost key) count as absent: the admin enters them again.
    let secrets: Record<string, unknown> = {};
    try {
      secrets = openChannelSecrets(channel.id, channel.secrets);
    } catch {
      secrets = {};
    }
    const existing = joinConfig(channel.config, secrets);
    const merged = mergeConfigPatch(existing, input.config);
    assertSecretsStayWithDestination(existing, input.config, merged, SECRET_FIELDS[channel.kind]);
    const { config } = parseChannelConfig(channel.kind, merged);
    assertConfigUrls(config);
    // The people and teams this change adds: one who left since does not block an edit.
    if (channel.kind === "members") await assertMembersTargets(channel.workspaceId, input.config, joinConfig(channel.config, {}));
    const split = splitConfig(channel.kind, config);
    data.config = split.config as Prisma.InputJsonValue;
    data.secrets = sealChannelSecrets(channel.id, split.secrets);
  }
  const updated = await db().notificationChannel.update({ where: { id: channel.id }, data });
  const before = toChannelDto(channel);
  const after = toChannelDto(updated);
  const changes = changedFields(before, { name: after.name, enabled: after.enabled, severities: after.severities, stages: after.stages, projectIds: after.projectIds, config: after.config });
  if (changes) {
    await db().auditLog.create({
      data: auditData({
        workspaceId: channel.workspaceId,
        actorId: auth.kind === "user" ? auth.userId : null,
        action: "notification_channel.updated",
        targetType: "notification_channel",
        targetId: channel.id,
        ...changes,
      }),
    });
  }
  return after;
}
