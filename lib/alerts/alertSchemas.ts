import { z } from "zod";
import { AlertActionSchema, AlertStatusSchema } from "@/lib/domain/alertStatus";
import { SeveritySchema } from "@/lib/domain/severity";
import { IdSchema } from "@/lib/domain/idSchema";

const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .transform((s) => s.split(",").map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(item).max(10));

/** GET /api/v1/workspaces/:workspaceId/alerts?status=active,acknowledged&severity=critical */
export const ListAlertsQuerySchema = z.object({
  status: csv(AlertStatusSchema).optional(),
  severity: csv(SeveritySchema).optional(),
  /** This project's alerts and the workspace-wide ones (of no project). */
  projectId: IdSchema.optional(),
  errorId: IdSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListAlertsQuery = z.infer<typeof ListAlertsQuerySchema>;

/** PATCH /api/v1/alerts/:id — acknowledge or resolve (members and admins). */
export const UpdateAlertSchema = z
  .object({
    status: AlertActionSchema,
    resolution: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();
export type UpdateAlertInput = z.infer<typeof UpdateAlertSchema>;
