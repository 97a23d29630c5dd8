import type { BundledTransaction } from "@/lib/db/bundledTransaction";
import type { Severity } from "@/lib/domain/severity";
import { uuidv7 } from "@/lib/ids/uuidv7";
import type { PreparedEvent } from "@/lib/ingest/prepareEvent";

/**
 * What a committed batch means for immediate alert rules, as written to the AlertOutbox table in
 * the ingest transaction: the groups that received new (non-duplicate) events with per-severity
 * counts, and the groups that are new or regressed. Alert evaluation (lib/alerts) reads the same
 * shape as its IngestBatch.
 */
export interface OutboxBatch {
  workspaceId: string;
  groups: {
    groupId: string;
    projectId: string;
    groupSeverity: Severity;
    type: string;
    message: string;
    counts: Partial<Record<Severity, number>>;
  }[];
  newGroupIds: string[];
  regressedGroupIds: string[];
  /**
   * New user feedback for the workspace's user_feedback rules (a row of its own, written with the
   * feedback: lib/feedback/storeUserFeedback.ts); the lists above are empty then.
   */
  feedback?: FeedbackBatch;
}

/** User feedback that was new (not a retry): what user_feedback rules read. */
export interface FeedbackBatch {
  projectId: string;
  items: { eventId: string | null; comments: string }[];
}

/** How long the writing instance holds its row before the alert-outbox job may take it over. */
export const OUTBOX_LEASE_MS = 60_000;

/** The batch summary of stored events (`results[i]` ↔ `events[i]`), or null when nothing is new. */
export function summarizeForAlerts(
  target: { workspaceId: string; projectId: string },
  events: PreparedEvent[],
  results: { groupId: string; duplicate: boolean }[],
  newGroupIds: string[],
  regressedGroupIds: string[],
): OutboxBatch | null {
  const groups = new Map<string, OutboxBatch["groups"][number]>();
  events.forEach((event, i) => {
    const result = results[i];
    if (!result || result.duplicate) return;
    const group = groups.get(result.groupId) ?? {
      groupId: result.groupId,
      projectId: target.projectId,
      groupSeverity: event.severity,
      type: event.type,
      message: event.message.slice(0, 2000),
      counts: {},
    };
    group.counts[event.severity] = (group.counts[event.severity] ?? 0) + 1;
    groups.set(result.groupId, group);
  });
  if (groups.size === 0 && regressedGroupIds.length === 0) return null;
  return { workspaceId: target.workspaceId, groups: [...groups.values()], newGroupIds, regressedGroupIds };
}

/** Queues the outbox row's insert to run with the caller's (ingest) transaction's COMMIT; returns its id. */
export function writeAlertOutbox(tx: BundledTransaction, batch: OutboxBatch, leaseMs = OUTBOX_LEASE_MS): string {
  const id = uuidv7();
  tx.atCommit(
    `INSERT INTO "AlertOutbox" (id, "workspaceId", batch, "claimedUntil") VALUES (${tx.literal(id)}::uuid, ${tx.literal(batch.workspaceId)}::uuid, ` +
      `${tx.literal(JSON.stringify(batch))}::jsonb, now() + (${tx.literal(Math.round(leaseMs))} * interval '1 millisecond'))`,
  );
  return id;
}
