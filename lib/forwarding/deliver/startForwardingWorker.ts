import { forwardingJob } from "@/lib/forwarding/deliver/forwardingJob";
import { logger } from "@/lib/logger";
import { reportServerError } from "@/lib/observability/serverErrors";

const globalForWorker = globalThis as unknown as { faultlineForwardingWorker?: boolean };

/** Runs forwardingJob every FORWARDING_INTERVAL_MS on this instance (never overlapping itself). */
export function startForwardingWorker(): void {
  if (globalForWorker.faultlineForwardingWorker) return;
  const intervalMs = forwardingJob.intervalMs();
  if (intervalMs <= 0) return;
  globalForWorker.faultlineForwardingWorker = true;
  const run = async () => {
    try {
      await forwardingJob.run(new Date());
    } catch (error) {
      logger.error(`${forwardingJob.name} failed`, { error: error instanceof Error ? error.message : String(error) });
      reportServerError(error, { where: `job:${forwardingJob.name}` });
    }
    setTimeout(run, intervalMs).unref();
  };
  setTimeout(run, intervalMs).unref();
}
