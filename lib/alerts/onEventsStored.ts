import { enqueueIngestBatch } from "@/lib/alerts/evaluate/ingestQueue";
import type { TouchedGroup } from "@/lib/alerts/evaluate/planIngestEvaluation";
import type { PreparedEvent } from "@/lib/ingest/prepareEvent";
import type { StoreOutcome, StoreTarget } from "@/lib/ingest/storeEvents";
import { logger } from "@/lib/logger";
import { recordErrorEvents } from "@/lib/metrics/recordErrorEvents";

/**
 * The one hook ingest calls after storeEvents committed (POST /api/v1/events, and the Sentry
 * envelope endpoint with its own prepared events): counts the stored events for Prometheus and hands
 * them to alert evaluation. Synchronous, no I/O, never throws: alerting can neither slow nor fail ingest.
 */
export function onEventsStored(target: StoreTarget, events: PreparedEvent[], outcome: StoreOutcome): void {
  try {
    const stored = events.filter((_, i) => outcome.results[i] && !outcome.results[i].duplicate);
    recordErrorEvents(target, stored);
    if (stored.length === 0 && outcome.regressedGroupIds.length === 0) return;

    const groups = new Map<string, TouchedGroup>();
    events.forEach((event, i) => {
      const result = outcome.results[i];
      if (!result || result.duplicate) return;
      const group = groups.get(result.groupId) ?? {
        groupId: result.groupId,
        projectId: target.projectId,
        groupSeverity: event.severity,
        type: event.type,
        message: event.message,
        counts: {},
      };
      group.counts[event.severity] = (group.counts[event.severity] ?? 0) + 1;
      groups.set(result.groupId, group);
    });
    enqueueIngestBatch({
      workspaceId: target.workspaceId,
      groups: [...groups.values()],
      newGroupIds: outcome.newGroupIds,
      regressedGroupIds: outcome.regressedGroupIds,
    });
  } catch (error) {
    logger.error("alert hook failed", { workspaceId: target.workspaceId, error: error instanceof Error ? error.message : String(error) });
  }
}
