import { env } from "@/lib/env";
import { processForwardingDeliveries } from "@/lib/forwarding/deliver/processForwardingDeliveries";

/**
 * The forwarding delivery loop: due copies and their retries. Every instance may run it — rows are
 * leased one by one (claimForwardingDeliveries) — so it needs no global lock.
 */
export const forwardingJob = {
  name: "forwarding deliveries",
  intervalMs: () => env().FORWARDING_INTERVAL_MS,
  run: async (now: Date): Promise<void> => {
    // Drain in pages so a backlog after an outage goes out without waiting a full interval per 100.
    for (let page = 0; page < 20; page++) {
      const run = await processForwardingDeliveries({ now, limit: 100 });
      if (run.attempted < 100) return;
    }
  },
};
