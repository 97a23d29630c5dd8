import { alertTitle } from "@/lib/alerts/evaluate/alertTitle";
import { fireAlerts } from "@/lib/alerts/evaluate/fireAlerts";
import type { Trigger } from "@/lib/alerts/evaluate/trigger";
import { dispatchDeliveries } from "@/lib/alerts/notify/processDeliveries";
import { enabledRulesOf } from "@/lib/alerts/rules/ruleCache";
import { pool } from "@/lib/db/pool";
import type { Severity } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/logger";
import type { UserFeedbackInput } from "@/lib/sentry/mapUserFeedback";

interface IssueOfEvent {
  eventId: string;
  id: string;
  type: string;
  message: string;
  severity: Severity;
}

/**
 * The workspace's user_feedback rules, for feedback that was just stored (new, not a retry): one
 * alert per rule and issue — more feedback on the issue adds to the open alert — and one per rule
 * and project for feedback not about a stored event. Like every rule, not for ignored or resolved
 * issues. After the feedback is committed and best-effort: a failure here is logged, never a
 * reason to refuse what was written (the sweep does not re-evaluate feedback).
 */
export async function onFeedbackStored(target: { workspaceId: string; projectId: string }, feedback: UserFeedbackInput[], now = new Date()): Promise<void> {
  if (feedback.length === 0) return;
  try {
    const rules = (await enabledRulesOf(target.workspaceId)).filter((rule) => rule.kind === "user_feedback");
    if (rules.length === 0) return;
    const issues = await issuesOfEvents(target.projectId, feedback.flatMap((f) => (f.eventId ? [f.eventId] : [])));
    const triggers = rules.flatMap((rule) =>
      feedback.map((f): Trigger => {
        const issue = f.eventId ? issues.get(f.eventId) : undefined;
        return {
          rule,
          workspaceId: target.workspaceId,
          projectId: target.projectId,
          errorGroupId: issue?.id ?? null,
          ...(!issue && { groupKey: `feedback:${target.projectId}` }),
          severity: rule.alertSeverity ?? issue?.severity ?? "medium",
          title: alertTitle({ ...rule, value: 1, error: issue ?? null, comments: f.comments }),
          value: 1,
          increment: 1,
        };
      }),
    );
    const fired = await fireAlerts(triggers, now, "events");
    dispatchDeliveries(fired.deliveryIds);
  } catch (error) {
    logger.error("user feedback alerts failed", { error, projectId: target.projectId });
  }
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
