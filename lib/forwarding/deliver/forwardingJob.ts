import { env } from "@/lib/env";
import { processForwardingDeliveries } from "@/lib/forwarding/deliver/processForwardingDeliveries";
import { pruneForwardingLog } from "@/lib/forwarding/deliver/pruneForwardingLog";
import type { Job } from "@/lib/jobs/job";

/**
 * The forwarding delivery loop: due copies and their retries (first attempts are sent right after
 * ingest by the consumer; this catches retries and copies whose instance went away). Rows are leased
 * one by one, so the in-process first attempt and this job never send one copy twice at once.
 * Each turn also trims the log: settled copies older than FORWARDING_LOG_RETENTION_DAYS.
 */
export const forwardingJob: Job = {
  name: "forwarding-deliveries",
  intervalMs: env().FORWARDING_INTERVAL_MS,
  run: async (now) => {
    // Drain in pages so a backlog after an outage goes out without waiting a full interval per 100.
    for (let page = 0; page < 20; page++) {
      const run = await processForwardingDeliveries({ now, limit: 100 });
      if (run.attempted < 100) break;
    }
    await pruneForwardingLog({ now, retentionDays: env().FORWARDING_LOG_RETENTION_DAYS });
  },
};
