import { logger } from "@/lib/logger";
import { errorMessage } from "@/lib/text/errorMessage";

/**
 * One rule's measurement in a sweep, or null when it fails (logged): a rule whose query fails — on
 * data no one foresaw — skips this sweep instead of stopping every other rule's, escalations and
 * deliveries with it.
 */
export async function measureOrSkip<T>(ruleId: string, measure: () => Promise<T>): Promise<T | null> {
  try {
    return await measure();
  } catch (error) {
    logger.error("alert rule skipped in this sweep: measuring it failed", { ruleId, error: errorMessage(error) });
    return null;
  }
}
