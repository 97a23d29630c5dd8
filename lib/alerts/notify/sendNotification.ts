import type { SendOutcome } from "@/lib/alerts/notify/backoff";
import { joinConfig, parseChannelConfig } from "@/lib/alerts/channels/channelConfig";
import { openChannelSecrets } from "@/lib/alerts/channels/channelSecrets";
import { SecretKeyError } from "@/lib/security/secretBox";
import type { NotificationContext } from "@/lib/alerts/notify/notificationContext";
import { discordPayload } from "@/lib/alerts/notify/payloads/discordPayload";
import { emailMessage } from "@/lib/alerts/notify/payloads/emailMessage";
import { pagerDutyPayload } from "@/lib/alerts/notify/payloads/pagerDutyPayload";
import { slackPayload } from "@/lib/alerts/notify/payloads/slackPayload";
import { teamsPayload } from "@/lib/alerts/notify/payloads/teamsPayload";
import { webhookPayload } from "@/lib/alerts/notify/payloads/webhookPayload";
import { notifyMembers } from "@/lib/alerts/notify/notifyMembers";
import { postJson } from "@/lib/alerts/notify/postJson";
import { sendEmail } from "@/lib/alerts/notify/sendEmail";
import { env } from "@/lib/env";
import type { ChannelKind } from "@/lib/generated/prisma/enums";
import { ApiError } from "@/lib/http/ApiError";

export interface SendableChannel {
  id: string;
  kind: ChannelKind;
  config: unknown;
  /** As stored: sealed (or plain, for rows from before encryption); opened here. */
  secrets: unknown;
}

/** Formats the notification for the channel's kind and sends it (a `members` channel: into the people's inbox). Never throws. */
export async function sendNotification(channel: SendableChannel, ctx: NotificationContext, deliveryId: string): Promise<SendOutcome> {
  const { ALERT_DELIVERY_TIMEOUT_MS: timeoutMs, PAGERDUTY_EVENTS_URL, SMTP_URL, SMTP_FROM } = env();
  let parsed;
  try {
    parsed = parseChannelConfig(channel.kind, joinConfig(channel.config, openChannelSecrets(channel.id, channel.secrets)));
  } catch (error) {
    const detail = error instanceof ApiError || error instanceof SecretKeyError ? error.message : "invalid configuration";
    return { ok: false, error: `channel misconfigured: ${detail}`, retryable: false, durationMs: 0 };
  }
  const headers = {
    "x-faultline-delivery": deliveryId,
    "x-faultline-alert": ctx.alert.id,
    "x-faultline-stage": ctx.stage,
    ...(ctx.test && { "x-faultline-test": "1" }),
  };
  switch (parsed.kind) {
    case "webhook":
      return postJson(parsed.config.url, webhookPayload(ctx), {
        headers: { ...parsed.config.headers, ...headers },
        timeoutMs,
        signingSecret: parsed.config.signingSecret,
        now: ctx.sentAt,
      });
    case "slack":
      return postJson(parsed.config.url, slackPayload(ctx), { timeoutMs });
    case "discord":
      return postJson(parsed.config.url, discordPayload(ctx), { timeoutMs });
    case "teams":
      return postJson(parsed.config.url, teamsPayload(ctx), { timeoutMs });
    case "pagerduty":
      return postJson(parsed.config.url ?? PAGERDUTY_EVENTS_URL, pagerDutyPayload(ctx, parsed.config.routingKey), { timeoutMs });
    case "email":
      return sendEmail({
        smtpUrl: parsed.config.smtpUrl ?? SMTP_URL,
        userServer: parsed.config.smtpUrl !== undefined,
        from: parsed.config.from ?? SMTP_FROM,
        to: parsed.config.to,
        message: emailMessage(ctx),
        headers,
        timeoutMs,
      });
    case "members":
      // A test's delivery id is not a stored delivery's: its made-up alert id keys it instead.
      return notifyMembers(parsed.config, ctx, ctx.test ? ctx.alert.id : deliveryId);
  }
}
