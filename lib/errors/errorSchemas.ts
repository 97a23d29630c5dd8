import { z } from "zod";
import { ErrorSortSchema, SortOrderSchema } from "@/lib/domain/errorSort";
import { ErrorStatusSchema } from "@/lib/domain/errorStatus";
import { SeveritySchema } from "@/lib/domain/severity";
import { AssignedFilterSchema } from "@/lib/domain/assignedFilter";
import { storableDateTime } from "@/lib/http/zodTime";

/** Comma-separated multi-value filter, e.g. `severity=high,critical`. */
const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .transform((s) => s.split(",").map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(item).max(10));

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
  since: storableDateTime().optional(),
  until: storableDateTime().optional(),
  sort: ErrorSortSchema.default("lastSeen"),
  order: SortOrderSchema.default("desc"),
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
