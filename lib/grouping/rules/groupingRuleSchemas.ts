import { z } from "zod";

/** A glob: `*` any run of characters within one segment ("/" for paths, "." for modules), `**` any run at all. */
const glob = z.string().trim().min(1).max(300);

export const FrameRuleSchema = z
  .object({
    kind: z.literal("frame"),
    /** Frames whose path (absPath or filename), module and function all match the given globs… */
    match: z
      .object({ path: glob.optional(), module: glob.optional(), function: glob.optional() })
      .strict()
      .refine((m) => m.path || m.module || m.function, { message: "give at least one of path, module, function" }),
    /** …are the application's code, or a library's (and then never key grouping while app frames exist). */
    action: z.enum(["app", "library"]),
  })
  .strict();

export const FingerprintRuleSchema = z
  .object({
    kind: z.literal("fingerprint"),
    /** Events whose raised exception type, message and an app frame's module/path match… */
    match: z
      .object({ type: glob.optional(), message: glob.optional(), module: glob.optional() })
      .strict()
      .refine((m) => m.type || m.message || m.module, { message: "give at least one of type, message, module" }),
    /** …group by these values; "{{ default }}" stands for the computed grouping, "{{ type }}" for the type. */
    fingerprint: z.array(z.string().trim().min(1).max(200)).min(1).max(10),
  })
  .strict();

export const GroupingRuleSchema = z.discriminatedUnion("kind", [FrameRuleSchema, FingerprintRuleSchema]);
export type GroupingRule = z.infer<typeof GroupingRuleSchema>;

export const MAX_GROUPING_RULES = 100;
export const GroupingRulesSchema = z.array(GroupingRuleSchema).max(MAX_GROUPING_RULES);

/** POST /api/v1/projects/:id/grouping-rules and …/preview: the whole rule list, in order (first match wins). */
export const GroupingRulesBodySchema = z.object({ rules: GroupingRulesSchema }).strict();
export type GroupingRulesBody = z.infer<typeof GroupingRulesBodySchema>;
