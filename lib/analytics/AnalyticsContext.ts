import type { Scope } from "@/lib/analytics/countsSql";
import type { TimeWindow } from "@/lib/analytics/timeWindow";

/** What every section query needs: whose data, which filters, which window. */
export interface AnalyticsContext {
  scope: Scope;
  window: TimeWindow;
  now: Date;
}
