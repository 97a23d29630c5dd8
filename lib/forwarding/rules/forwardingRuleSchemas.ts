import { z } from "zod";
import { SeveritySchema } from "@/lib/domain/severity";
import { IdSchema } from "@/lib/domain/idSchema";

export const FORWARDING_KINDS = ["sentry", "webhook", "datadog"] as const;

const unique = <T>(items: T[]) => [...new Set(items)];
const filterValue = z.string().trim().min(1).max(64);
const config = z.record(z.string(), z.unknown());

/**
 * POST /api/v1/projects/:projectId/forwarding-rules. Filters default to empty (= every event);
 * `config` is checked against the kind's schema (forwardingConfigSchemas.ts).
 */
export const CreateForwardingRuleSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    kind: z.enum(FORWARDING_KINDS),
    enabled: z.boolean().default(true),
    severities: z.array(SeveritySchema).max(4).transform(unique).default([]),
    categories: z.array(filterValue).max(50).transform(unique).default([]),
    environments: z.array(filterValue).max(50).transform(unique).default([]),
    config,
  })
  .strict();
export type CreateForwardingRuleInput = z.infer<typeof CreateForwardingRuleSchema>;

/** PATCH /api/v1/forwarding-rules/:id. Omitted or masked config fields keep their value; null clears one. */
export const UpdateForwardingRuleSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    enabled: z.boolean(),
    severities: z.array(SeveritySchema).max(4).transform(unique),
    categories: z.array(filterValue).max(50).transform(unique),
    environments: z.array(filterValue).max(50).transform(unique),
    config,
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "nothing to change" });
export type UpdateForwardingRuleInput = z.infer<typeof UpdateForwardingRuleSchema>;

export const ForwardingRuleParamsSchema = z.object({ id: z.string().max(100) });

/** GET /api/v1/projects/:projectId/forwarding-deliveries. */
export const ForwardingDeliveriesQuerySchema = z
  .object({
    ruleId: IdSchema.optional(),
    status: z.enum(["pending", "delivered", "failed"]).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ForwardingDeliveriesQuery = z.infer<typeof ForwardingDeliveriesQuerySchema>;
