import { z } from "zod";
import { SeveritySchema } from "@/lib/domain/severity";
import { IdSchema } from "@/lib/domain/idSchema";

export const CHANNEL_KINDS = ["webhook", "slack", "email", "pagerduty", "discord", "teams", "members"] as const;
/** How each kind is named in the dashboard. */
export const CHANNEL_KIND_LABELS: Record<(typeof CHANNEL_KINDS)[number], string> = {
  webhook: "Webhook",
  slack: "Slack",
  email: "Email",
  pagerduty: "PagerDuty",
  discord: "Discord",
  teams: "Microsoft Teams",
  members: "Faultline members",
};
const EscalationStageSchema = z.enum(["initial", "escalate", "final"]);

const unique = <T>(items: T[]) => [...new Set(items)];
/** Only these projects' alerts; [] (the default): every alert of the workspace. */
const projectIds = z.array(IdSchema).max(100).transform(unique);
const config = z.record(z.string(), z.unknown());

/**
 * POST /api/v1/workspaces/:workspaceId/channels. `config` is checked against the kind's schema
 * (channelConfigSchemas.ts). Severities default to seed 004's table for the kind, stages to all,
 * projects to every project.
 */
export const CreateChannelSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    kind: z.enum(CHANNEL_KINDS),
    enabled: z.boolean().default(true),
    severities: z.array(SeveritySchema).min(1).max(4).transform(unique).optional(),
    stages: z.array(EscalationStageSchema).min(1).max(3).transform(unique).optional(),
    projectIds: projectIds.optional(),
    config,
  })
  .strict();
export type CreateChannelInput = z.infer<typeof CreateChannelSchema>;

/** PATCH /api/v1/channels/:id. Omitted or masked config fields keep their value; null clears one. */
export const UpdateChannelSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    enabled: z.boolean(),
    severities: z.array(SeveritySchema).min(1).max(4).transform(unique),
    stages: z.array(EscalationStageSchema).min(1).max(3).transform(unique),
    projectIds,
    config,
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "nothing to change" });
export type UpdateChannelInput = z.infer<typeof UpdateChannelSchema>;
