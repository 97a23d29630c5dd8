import { z } from "zod";
import { ExtraHeadersSchema } from "@/lib/http/extraHeadersSchema";
import { HttpUrlSchema } from "@/lib/http/httpUrlSchema";
import type { ChannelKind } from "@/lib/generated/prisma/enums";
import { IdSchema } from "@/lib/domain/idSchema";

const smtpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => /^smtps?:\/\//i.test(v) && URL.canParse(v), "must be an smtp:// or smtps:// URL");


/**
 * Generic JSON webhook: POSTs the alert as JSON to `url`, with optional extra headers (e.g. a token).
 * `signingSecret` keys the HMAC-SHA256 signature of every request (X-Faultline-Signature); one is
 * generated when a channel is created without it.
 */
export const WebhookConfigSchema = z
  .object({ url: HttpUrlSchema, headers: ExtraHeadersSchema.optional(), signingSecret: z.string().trim().min(16).max(256).optional() })
  .strict();
/** Slack incoming webhook (https://hooks.slack.com/services/...). */
export const SlackConfigSchema = z.object({ url: HttpUrlSchema }).strict();
/** Email over SMTP; `smtpUrl` overrides the server's SMTP_URL, `from` its SMTP_FROM. */
export const EmailConfigSchema = z
  .object({
    to: z.array(z.email()).min(1).max(50),
    from: z.string().trim().min(3).max(300).optional(),
    smtpUrl: smtpUrl.optional(),
  })
  .strict();
/** Discord channel webhook (https://discord.com/api/webhooks/<id>/<token>). */
export const DiscordConfigSchema = z.object({ url: HttpUrlSchema }).strict();
/** Microsoft Teams: a Workflows "post to a channel when a webhook request is received" URL (Adaptive Card). */
export const TeamsConfigSchema = z.object({ url: HttpUrlSchema }).strict();
/** PagerDuty Events API v2: the integration's routing key; `url` overrides PAGERDUTY_EVENTS_URL. */
export const PagerDutyConfigSchema = z.object({ routingKey: z.string().trim().min(1).max(128), url: HttpUrlSchema.optional() }).strict();
/**
 * Faultline's own people: the members and teams named (as each is when the alert is sent), and with
 * `assignee` the person or every member of the team the alert's issue is assigned to. Each is told
 * in their inbox, and by email unless they chose otherwise (notification kind `alert`).
 */
export const MembersConfigSchema = z
  .object({
    userIds: z.array(IdSchema).max(100).optional(),
    teamIds: z.array(IdSchema).max(50).optional(),
    assignee: z.boolean().optional(),
  })
  .strict()
  .refine((v) => (v.userIds?.length ?? 0) + (v.teamIds?.length ?? 0) > 0 || v.assignee === true, {
    message: "name at least one member or team, or assignee: true",
    path: ["userIds"],
  });

export const CHANNEL_CONFIG_SCHEMAS = {
  webhook: WebhookConfigSchema,
  slack: SlackConfigSchema,
  email: EmailConfigSchema,
  pagerduty: PagerDutyConfigSchema,
  discord: DiscordConfigSchema,
  teams: TeamsConfigSchema,
  members: MembersConfigSchema,
} satisfies Record<ChannelKind, z.ZodType>;

export type WebhookConfig = z.infer<typeof WebhookConfigSchema>;
export type SlackConfig = z.infer<typeof SlackConfigSchema>;
export type EmailConfig = z.infer<typeof EmailConfigSchema>;
export type PagerDutyConfig = z.infer<typeof PagerDutyConfigSchema>;
export type DiscordConfig = z.infer<typeof DiscordConfigSchema>;
export type TeamsConfig = z.infer<typeof TeamsConfigSchema>;
export type MembersConfig = z.infer<typeof MembersConfigSchema>;

export type ChannelConfig =
  | { kind: "webhook"; config: WebhookConfig }
  | { kind: "slack"; config: SlackConfig }
  | { kind: "email"; config: EmailConfig }
  | { kind: "pagerduty"; config: PagerDutyConfig }
  | { kind: "discord"; config: DiscordConfig }
  | { kind: "teams"; config: TeamsConfig }
  | { kind: "members"; config: MembersConfig };

/** Fields kept in the `secrets` column and never returned in full. */
export const SECRET_FIELDS: Record<ChannelKind, string[]> = {
  webhook: ["url", "headers", "signingSecret"],
  slack: ["url"],
  email: ["smtpUrl"],
  pagerduty: ["routingKey"],
  discord: ["url"],
  teams: ["url"],
  members: [],
};
