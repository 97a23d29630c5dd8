import { truncate, type NotificationContext } from "@/lib/alerts/notify/notificationContext";
import type { Severity } from "@/lib/generated/prisma/enums";

/** PagerDuty's severities are critical, error, warning and info. */
const PD_SEVERITY: Record<Severity, "critical" | "error" | "warning" | "info"> = {
  critical: "critical",
  high: "error",
  medium: "warning",
  low: "info",
};

/** One incident per alert: PagerDuty deduplicates triggers and routes acknowledge/resolve by this key. */
export function pagerDutyDedupKey(alertId: string): string {
  return `faultline-${alertId}`;
}

/**
 * A PagerDuty Events API v2 event. Stages trigger (escalations re-trigger the same incident, which
 * PagerDuty records on its timeline); acknowledgement and resolution close the loop.
 */
export function pagerDutyPayload(ctx: NotificationContext, routingKey: string) {
  const dedupKey = pagerDutyDedupKey(ctx.alert.id);
  if (ctx.stage === "acknowledged" || ctx.stage === "resolved") {
    return { routing_key: routingKey, event_action: ctx.stage === "acknowledged" ? "acknowledge" : "resolve", dedup_key: dedupKey } as const;
  }
  const { alert, error } = ctx;
  return {
    routing_key: routingKey,
    event_action: "trigger",
    dedup_key: dedupKey,
    payload: {
      summary: truncate(alert.title, 1024),
      source: truncate(`faultline/${ctx.workspace.name}${ctx.project ? `/${ctx.project.name}` : ""}`, 255),
      severity: PD_SEVERITY[alert.severity],
      timestamp: alert.firedAt.toISOString(),
      component: error?.type,
      group: ctx.project?.name,
      class: error?.category ?? alert.ruleKind,
      custom_details: {
        stage: ctx.stage,
        rule: alert.ruleName,
        ruleKind: alert.ruleKind,
        value: Number.isFinite(alert.value) ? alert.value : "infinite",
        threshold: alert.threshold,
        crossings: alert.count,
        errorId: error?.id,
        message: error ? truncate(error.message, 2000) : undefined,
        occurrences: error?.occurrences,
        workspace: ctx.workspace.name,
      },
    },
    client: "Faultline",
    ...(ctx.url && { client_url: ctx.url, links: [{ href: ctx.url, text: "Open in Faultline" }] }),
  } as const;
}
