import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister } from "@/lib/auth/permissions";
import { auditData } from "@/lib/alerts/auditData";
import { parseChannelConfig, splitConfig } from "@/lib/alerts/channels/channelConfig";
import { toChannelDto } from "@/lib/alerts/channels/channelDto";
import { assertMembersTargets } from "@/lib/alerts/channels/assertMembersTargets";
import { ALL_STAGES, DEFAULT_SEVERITIES } from "@/lib/alerts/channels/channelRouting";
import type { CreateChannelInput } from "@/lib/alerts/channels/channelSchemas";
import { sealChannelSecrets } from "@/lib/alerts/channels/channelSecrets";
import { newSigningSecret } from "@/lib/alerts/notify/signWebhook";
import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { assertConfigUrls } from "@/lib/outbound/assertOutboundUrls";
import { assertWorkspaceProjects } from "@/lib/projects/assertWorkspaceProjects";

/**
 * Adds a notification channel (admins). Secrets go to their own column, encrypted; the audit entry
 * is masked. A webhook gets a signing secret when none was given: the response carries it in full,
 * once (`signingSecret`), for the receiver's configuration; later reads show it masked.
 */
export async function createChannel(auth: AuthContext, workspaceId: string, input: CreateChannelInput) {
  assertCanAdminister(auth, workspaceId);
  const { config } = parseChannelConfig(input.kind, withSigningSecret(input.kind, input.config));
  assertConfigUrls(config);
  if (input.kind === "members") await assertMembersTargets(workspaceId, config);
  await assertWorkspaceProjects(workspaceId, input.projectIds);
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
      projectIds: input.projectIds ?? [],
      config: split.config as Prisma.InputJsonValue,
      secrets: sealChannelSecrets(id, split.secrets),
    },
  });
  const dto = toChannelDto(channel);
  await db().auditLog.create({
    data: auditData({ workspaceId, actorId: auth.kind === "user" ? auth.userId : null, action: "notification_channel.created", targetType: "notification_channel", targetId: id, after: dto }),
  });
  return { ...dto, ...("signingSecret" in config && { signingSecret: config.signingSecret }) };
}

function withSigningSecret(kind: string, config: Record<string, unknown>): Record<string, unknown> {
  return kind === "webhook" && config.signingSecret === undefined ? { ...config, signingSecret: newSigningSecret() } : config;
}
