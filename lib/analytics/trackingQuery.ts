import { z } from "zod";
import { SeverityFilterSchema } from "@/lib/domain/severity";
import { DEFAULT_TIMEFRAME, TimeframeSchema } from "@/lib/domain/timeframe";
import { IdSchema } from "@/lib/domain/idSchema";

export const TrackingQuerySchema = z.object({
  timeframe: TimeframeSchema.default(DEFAULT_TIMEFRAME),
  severity: SeverityFilterSchema.default("all"),
  environment: z.string().trim().min(1).max(64).optional(),
  projectId: IdSchema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export type TrackingQuery = z.infer<typeof TrackingQuerySchema>;
