import type { NotificationContext } from "@/lib/alerts/notify/notificationContext";
import type { NotificationStage } from "@/lib/generated/prisma/enums";

const EVENT: Record<NotificationStage, string> = {
  initial: "alert.triggered",
  escalate: "alert.escalated",
  final: "alert.escalated",
  acknowledged: "alert.acknowledged",
  resolved: "alert.resolved",
};

/** The generic JSON webhook body (version 1). Stable field names: receivers parse this. */
export function webhookPayload(ctx: NotificationContext) {
  const { alert, error } = ctx;
  return {
    version: 1,
    event: ctx.test ? "test" : EVENT[ctx.stage],
    test: ctx.test === true,
    stage: ctx.stage,
    sentAt: ctx.sentAt.toISOString(),
    alert: {
      id: alert.id,
      title: alert.title,
      severity: alert.severity,
      status: alert.status,
      rule: { name: alert.ruleName, kind: alert.ruleKind },
      value: Number.isFinite(alert.value) ? alert.value : null,
      threshold: alert.threshold,
      count: alert.count,
      firedAt: alert.firedAt.toISOString(),
      acknowledgedAt: alert.acknowledgedAt?.toISOString() ?? null,
      resolvedAt: alert.resolvedAt?.toISOString() ?? null,
      resolution: alert.resolution,
      url: ctx.url,
    },
    error: error && {
      id: error.id,
      type: error.type,
      message: error.message,
      category: error.category,
      status: error.status,
      occurrences: error.occurrences,
      firstSeen: error.firstSeen.toISOString(),
      lastSeen: error.lastSeen.toISOString(),
    },
    project: ctx.project,
    workspace: ctx.workspace,
  };
}

export type WebhookPayload = ReturnType<typeof webhookPayload>;
