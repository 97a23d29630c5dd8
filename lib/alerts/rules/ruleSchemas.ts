import { z } from "zod";
import { SeveritySchema } from "@/lib/domain/severity";
import { IdSchema } from "@/lib/domain/idSchema";

export const ALERT_RULE_KINDS = ["severity_count", "error_rate", "spike", "new_issue", "regression", "ingest_health", "user_feedback"] as const;

const DAY = 86_400;
const delay = z.number().int().min(60).max(7 * DAY).nullable();

const settings = {
  name: z.string().trim().min(1).max(200),
  eventSeverity: SeveritySchema.nullable(),
  alertSeverity: SeveritySchema.nullable(),
  threshold: z.number().positive().max(1_000_000_000),
  windowSeconds: z.number().int().min(0).max(DAY),
  baselineSeconds: z.number().int().min(60).max(7 * DAY).nullable(),
  minCount: z.number().int().min(0).max(1_000_000_000),
  /** ingest_health: fire when the disk forecast has fewer days left than this (null: the disk is not checked). */
  diskDaysLeft: z.number().int().min(1).max(3650).nullable(),
  escalateAfterSeconds: delay,
  finalAfterSeconds: delay,
  enabled: z.boolean(),
  /** Only issues and events of these projects; [] every project (a workspace-wide disk forecast only then). */
  projectIds: z.array(IdSchema).max(100).transform((ids) => [...new Set(ids)]),
};

/** POST /api/v1/workspaces/:workspaceId/alert-rules. Escalation defaults to the alert severity's policy. */
export const CreateRuleSchema = z
  .object({
    ...settings,
    kind: z.enum(ALERT_RULE_KINDS),
    eventSeverity: settings.eventSeverity.default(null),
    alertSeverity: settings.alertSeverity.default(null),
    windowSeconds: settings.windowSeconds.default(0),
    baselineSeconds: settings.baselineSeconds.default(null),
    minCount: settings.minCount.default(0),
    diskDaysLeft: settings.diskDaysLeft.optional(),
    escalateAfterSeconds: settings.escalateAfterSeconds.optional(),
    finalAfterSeconds: settings.finalAfterSeconds.optional(),
    enabled: settings.enabled.default(true),
    projectIds: settings.projectIds.default([]),
  })
  .strict();
export type CreateRuleInput = z.infer<typeof CreateRuleSchema>;

/** PATCH /api/v1/alert-rules/:id. A rule's kind is fixed; create another rule instead. */
export const UpdateRuleSchema = z
  .object(settings)
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "nothing to change" });
export type UpdateRuleInput = z.infer<typeof UpdateRuleSchema>;
