import { z } from "zod";
import { SeveritySchema } from "@/lib/ingest/eventSchema";

export const ERROR_STATUSES = ["new", "acknowledged", "investigating", "resolved", "ignored"] as const;
export const ErrorStatusSchema = z.enum(ERROR_STATUSES);
export type ErrorStatus = z.infer<typeof ErrorStatusSchema>;

export const ERROR_SORTS = ["lastSeen", "firstSeen", "occurrences", "users", "severity"] as const;

/** Comma-separated multi-value filter, e.g. `severity=high,critical`. */
const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .transform((s) => s.split(",").map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(item).max(10));

/** List filter by assignee: mine, my teams' issues, or nobody's (neither a user nor a team). */
export const ASSIGNED_FILTERS = ["me", "my_teams", "none"] as const;
export const AssignedFilterSchema = z.enum(ASSIGNED_FILTERS);
export type AssignedFilter = z.infer<typeof AssignedFilterSchema>;

export const ListErrorsQuerySchema = z.object({
  workspaceId: z.uuid().optional(),
  projectId: z.uuid().optional(),
  severity: csv(SeveritySchema).optional(),
  status: csv(ErrorStatusSchema).optional(),
  category: csv(z.string().max(64)).optional(),
  environment: z.string().max(64).optional(),
  q: z.string().trim().max(200).optional(),
  assigned: AssignedFilterSchema.optional(),
  assigneeId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  sort: z.enum(ERROR_SORTS).default("lastSeen"),
  order: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListErrorsQuery = z.infer<typeof ListErrorsQuerySchema>;

export const UpdateErrorSchema = z
  .object({
    status: ErrorStatusSchema.optional(),
    assigneeId: z.uuid().nullable().optional(),
    assigneeTeamId: z.uuid().nullable().optional(),
    resolution: z.string().trim().max(10_000).nullable().optional(),
    rootCause: z.string().trim().max(10_000).nullable().optional(),
    preventiveMeasures: z.array(z.string().trim().min(1).max(1000)).max(50).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "nothing to change" });
export type UpdateErrorInput = z.infer<typeof UpdateErrorSchema>;
