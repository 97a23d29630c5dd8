import { ALERT_EVALUATOR_LOCK, withAdvisoryLock } from "@/lib/alerts/worker/advisoryLock";
import { evaluateAlerts } from "@/lib/alerts/evaluate/evaluateAlerts";
import { processDeliveries } from "@/lib/alerts/notify/processDeliveries";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { reportServerError } from "@/lib/observability/serverErrors";

const globalForWorkers = globalThis as unknown as { faultlineAlertWorkers?: { stop: () => void } };

/**
 * Starts, once per process, the two background loops (from instrumentation.ts):
 *  - the evaluator (ALERT_EVALUATOR_INTERVAL_MS): windowed and aggregate rules, escalation; one
 *    instance at a time, under a PostgreSQL advisory lock;
 *  - the delivery worker (ALERT_DELIVERY_INTERVAL_MS): due notifications and retries; every instance
 *    may run it, rows are leased one by one (see claimDeliveries).
 * A loop never overlaps itself: the next run is scheduled when the previous one ends.
 */
export function startAlertWorkers(): void {
  if (globalForWorkers.faultlineAlertWorkers) return;
  const { ALERT_EVALUATOR_INTERVAL_MS, ALERT_DELIVERY_INTERVAL_MS } = env();
  const loops: { timer?: NodeJS.Timeout }[] = [];
  let stopped = false;

  const loop = (name: string, intervalMs: number, task: () => Promise<unknown>) => {
    if (intervalMs <= 0) return;
    const state: { timer?: NodeJS.Timeout } = {};
    loops.push(state);
    const run = async () => {
      try {
        await task();
      } catch (error) {
        logger.error(`${name} failed`, { error: error instanceof Error ? error.message : String(error) });
        reportServerError(error, { where: `job:${name}` });
      }
      if (!stopped) state.timer = setTimeout(run, intervalMs).unref();
    };
    state.timer = setTimeout(run, intervalMs).unref();
  };

  loop("alert evaluator", ALERT_EVALUATOR_INTERVAL_MS, () => withAdvisoryLock(ALERT_EVALUATOR_LOCK, () => evaluateAlerts()));
  loop("alert delivery worker", ALERT_DELIVERY_INTERVAL_MS, () => processDeliveries());
  globalForWorkers.faultlineAlertWorkers = {
    stop: () => {
      stopped = true;
      loops.forEach((l) => clearTimeout(l.timer));
    },
  };
  logger.info("alert workers started", { evaluatorMs: ALERT_EVALUATOR_INTERVAL_MS, deliveryMs: ALERT_DELIVERY_INTERVAL_MS });
}
