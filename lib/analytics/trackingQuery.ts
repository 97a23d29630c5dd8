import { z } from "zod";

export const TIMEFRAMES = ["1h", "24h", "7d", "30d"] as const;
export type Timeframe = (typeof TIMEFRAMES)[number];

export const TrackingQuerySchema = z.object({
  timeframe: z.enum(TIMEFRAMES).default("24h"),
  severity: z.enum(["all", "low", "medium", "high", "critical"]).default("all"),
  environment: z.string().trim().min(1).max(64).optional(),
  projectId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export type TrackingQuery = z.infer<typeof TrackingQuerySchema>;
