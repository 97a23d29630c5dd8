import { forwardStoredEvents } from "@/lib/forwarding/deliver/forwardStoredEvents";
import type { PreparedEvent } from "@/lib/ingest/prepareEvent";
import type { StoreOutcome, StoreTarget } from "@/lib/ingest/storeEvents";
import { logger } from "@/lib/logger";
import { reportServerError } from "@/lib/observability/serverErrors";

/** Runs the forwarding consumer without the caller waiting; a failure is logged, never thrown. */
export function forwardInBackground(target: StoreTarget, events: PreparedEvent[], outcome: StoreOutcome): void {
  forwardStoredEvents(target, events, outcome).catch((error) => {
    logger.error("forwarding consumer failed", { projectId: target.projectId, error: error instanceof Error ? error.message : String(error) });
    reportServerError(error, { where: "consumer:forwarding" });
  });
}
