import { z } from "zod";
import { IdSchema } from "@/lib/domain/idSchema";

/** GET /api/v1/workspaces/:workspaceId/deliveries */
export const ListDeliveriesQuerySchema = z.object({
  status: z.enum(["pending", "delivered", "failed"]).optional(),
  channelId: IdSchema.optional(),
  alertId: IdSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListDeliveriesQuery = z.infer<typeof ListDeliveriesQuerySchema>;
