import { z } from "zod";
import { IdSchema } from "@/lib/domain/idSchema";

/** What a condition looks at: the category, severity, type, message, a tag, or a stack frame's path or module. */
export const CONDITION_FIELDS = ["project", "category", "severity", "type", "message", "tag", "path", "module"] as const;
export type ConditionField = (typeof CONDITION_FIELDS)[number];

export const ConditionSchema = z
  .object({ field: z.enum(CONDITION_FIELDS), pattern: z.string().trim().min(1).max(500) })
  .strict()
  .refine((c) => c.field !== "tag" || /^[^=]+=/.test(c.pattern), { message: "a tag condition is key=value (the value may be a glob)", path: ["pattern"] });
export type Condition = z.infer<typeof ConditionSchema>;

export const AssigneeSchema = z.object({ type: z.enum(["user", "team"]), id: IdSchema }).strict();
export type RuleAssignee = z.infer<typeof AssigneeSchema>;

export const CreateAssignmentRuleSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    conditions: z.array(ConditionSchema).max(20),
    assignee: AssigneeSchema,
    enabled: z.boolean().default(true),
  })
  .strict();
export type CreateAssignmentRuleInput = z.infer<typeof CreateAssignmentRuleSchema>;

export const UpdateAssignmentRuleSchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    conditions: z.array(ConditionSchema).max(20).optional(),
    assignee: AssigneeSchema.optional(),
    enabled: z.boolean().optional(),
    /** 0-based place in the workspace's ordered list; the others move to make room. */
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "nothing to change" });
export type UpdateAssignmentRuleInput = z.infer<typeof UpdateAssignmentRuleSchema>;

export const AssignmentRuleParamsSchema = z.object({ id: IdSchema });

/** Test the saved rules (or one draft rule) against an existing issue. */
export const TestAssignmentSchema = z
  .object({
    errorId: IdSchema,
    rule: z.object({ conditions: z.array(ConditionSchema).max(20), name: z.string().max(100).optional() }).strict().optional(),
  })
  .strict();
export type TestAssignmentInput = z.infer<typeof TestAssignmentSchema>;
