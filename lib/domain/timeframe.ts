import { z } from "zod";

/** The windows every dashboard view is computed over, ending now. */
export const TIMEFRAMES = ["1h", "24h", "7d", "30d"] as const;
export const TimeframeSchema = z.enum(TIMEFRAMES);
export type Timeframe = z.infer<typeof TimeframeSchema>;

export const DEFAULT_TIMEFRAME: Timeframe = "24h";

/**
 * The issue list's choices: a dashboard timeframe (issues seen in it), or `all` — every issue,
 * however long ago it was last seen (issues outlive their events' retention). The charts and the
 * rows' counts have no all-time rollup read: under `all` they show WIDEST_TIMEFRAME.
 */
export const LIST_TIMEFRAMES = [...TIMEFRAMES, "all"] as const;
export type ListTimeframe = (typeof LIST_TIMEFRAMES)[number];

/** The longest dashboard window: what the charts and the rows' counts show while the list shows all time. */
export const WIDEST_TIMEFRAME: Timeframe = "30d";
