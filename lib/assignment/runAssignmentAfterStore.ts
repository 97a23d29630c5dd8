import { applyAssignmentRules, type StoredEventsBatch } from "@/lib/assignment/applyAssignmentRules";
import { logger } from "@/lib/logger";

/** Runs the assignment consumer after a commit, off the request path; a failure is logged, never thrown. */
export function runAssignmentAfterStore(batch: StoredEventsBatch): void {
  applyAssignmentRules(batch).catch((error: unknown) =>
    logger.error("assignment rules failed", { workspaceId: batch.target.workspaceId, error: error instanceof Error ? error.message : String(error) }),
  );
}
