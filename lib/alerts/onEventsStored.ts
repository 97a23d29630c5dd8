import { enqueueIngestBatch } from "@/lib/alerts/evaluate/ingestQueue";
import type { TouchedGroup } from "@/lib/alerts/evaluate/planIngestEvaluation";
import type { PreparedEvent } from "@/lib/ingest/prepareEvent";
import type { StoreOutcome, StoreTarget } from "@/lib/ingest/storeEvents";

/**
 * Hands committed events to alert evaluation (through the after-store consumer alertsConsumer.ts):
 * the groups they touched with per-severity counts, new and regressed groups. Synchronous and
 * without I/O: evaluation runs from the queue, so alerting can neither slow nor fail ingest.
 */
export function onEventsStored(target: StoreTarget, events: PreparedEvent[], outcome: StoreOutcome): void {
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
  if (groups.size === 0 && outcome.regressedGroupIds.length === 0) return;
  enqueueIngestBatch({
    workspaceId: target.workspaceId,
    groups: [...groups.values()],
    newGroupIds: outcome.newGroupIds,
    regressedGroupIds: outcome.regressedGroupIds,
  });
}
