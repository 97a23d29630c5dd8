import { z } from "zod";

/** The windows every dashboard view is computed over, ending now. */
export const TIMEFRAMES = ["1h", "24h", "7d", "30d"] as const;
export const TimeframeSchema = z.enum(TIMEFRAMES);
export type Timeframe = z.infer<typeof TimeframeSchema>;

export const DEFAULT_TIMEFRAME: Timeframe = "24h";
