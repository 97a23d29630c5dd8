import { alertTitle } from "@/lib/alerts/evaluate/alertTitle";
import { fireAlerts } from "@/lib/alerts/evaluate/fireAlerts";
import type { Trigger } from "@/lib/alerts/evaluate/trigger";
import { dispatchDeliveries } from "@/lib/alerts/notify/processDeliveries";
import { deleteOutboxRows } from "@/lib/alerts/outbox/alertOutboxRows";
import { enabledRulesOf } from "@/lib/alerts/rules/ruleCache";
import { pool } from "@/lib/db/pool";
import type { Severity } from "@/lib/generated/prisma/enums";
import type { FeedbackBatch } from "@/lib/ingest/alertOutbox";
import { logger } from "@/lib/logger";

interface IssueOfEvent {
  eventId: string;
  id: string;
  type: string;
  message: string;
  severity: Severity;
}

/** Whether new feedback of this workspace can alert (decides whether its outbox row is written). */
export async function hasFeedbackRules(workspaceId: string): Promise<boolean> {
  return (await enabledRulesOf(workspaceId)).some((rule) => rule.kind === "user_feedback");
}

/**
 * After new feedback was committed with its AlertOutbox row: evaluates the row's batch and deletes
 * it. Never throws (the feedback is stored; alerting must not fail the request): on failure the row
 * stays, and the alert-outbox job evaluates it once its lease has run out.
 */
export async function onFeedbackStored(workspaceId: string, alert: { outboxId: string; batch: FeedbackBatch }, now = new Date()): Promise<void> {
  try {
    await evaluateFeedbackBatch(workspaceId, alert.batch, now);
    await deleteOutboxRows([alert.outboxId]);
  } catch (error) {
    logger.error("user feedback alerts failed: left to the alert-outbox job", { error, projectId: alert.batch.projectId, outboxId: alert.outboxId });
  }
}

/**
 * The workspace's user_feedback rules for feedback that was just stored (new, not a retry): one
 * alert per rule and issue — more feedback on the issue adds to the open alert — and one per rule
 * and project for feedback not about a stored event. Like every rule, not for ignored or resolved
 * issues. Also what the alert-outbox job runs for a row its writer left.
 */
export async function evaluateFeedbackBatch(workspaceId: string, batch: FeedbackBatch, now: Date): Promise<void> {
  if (batch.items.length === 0) return;
  const rules = (await enabledRulesOf(workspaceId)).filter((rule) => rule.kind === "user_feedback");
  if (rules.length === 0) return;
  const issues = await issuesOfEvents(batch.projectId, batch.items.flatMap((f) => (f.eventId ? [f.eventId] : [])));
  const triggers = rules.flatMap((rule) =>
    batch.items.map((f): Trigger => {
      const issue = f.eventId ? issues.get(f.eventId) : undefined;
      return {
        rule,
        workspaceId,
        projectId: batch.projectId,
        errorGroupId: issue?.id ?? null,
        ...(!issue && { groupKey: `feedback:${batch.projectId}` }),
        severity: rule.alertSeverity ?? issue?.severity ?? "medium",
        title: alertTitle({ ...rule, value: 1, error: issue ?? null, comments: f.comments }),
        value: 1,
        increment: 1,
      };
    }),
  );
  const fired = await fireAlerts(triggers, now, "events");
  dispatchDeliveries(fired.deliveryIds);
}

async function issuesOfEvents(projectId: string, eventIds: string[]): Promise<Map<string, IssueOfEvent>> {
  if (eventIds.length === 0) return new Map();
  const { rows } = await pool().query<IssueOfEvent>(
    `SELECT e."eventId", g.id, g.type, g.message, g.severity FROM "ErrorEventId" e JOIN "ErrorGroup" g ON g.id = e."groupId"
     WHERE e."projectId" = $1 AND e."eventId" = ANY($2::text[])`,
    [projectId, eventIds],
  );
  return new Map(rows.map((row) => [row.eventId, row]));
}
