import { publicLink } from "@/lib/http/publicLink";
import type { AlertRuleKind, AlertStatus, NotificationStage, Severity } from "@/lib/generated/prisma/enums";

/** Everything a notification says about an alert; built from the database, formatted by pure functions. */
export interface NotificationContext {
  stage: NotificationStage;
  alert: {
    id: string;
    title: string;
    severity: Severity;
    status: AlertStatus;
    ruleName: string;
    ruleKind: AlertRuleKind;
    value: number;
    threshold: number;
    count: number;
    firedAt: Date;
    acknowledgedAt: Date | null;
    resolvedAt: Date | null;
    resolution: string | null;
  };
  error: {
    id: string;
    type: string;
    message: string;
    category: string;
    status: string;
    occurrences: number;
    firstSeen: Date;
    lastSeen: Date;
  } | null;
  project: { id: string; name: string } | null;
  workspace: { id: string; name: string };
  /** Link to the alert in the dashboard; null when PUBLIC_URL is not configured. */
  url: string | null;
  sentAt: Date;
  /** A "send test notification" from the settings: says so in every format. */
  test?: boolean;
}

/**
 * Where a notification's link leads: an issue's alert to the issue's page (which lists the issue's
 * open alerts, this one marked: `alert`); a project- or
 * workspace-wide alert (error rate, spike, ingest health) to its workspace's dashboard, which
 * scrolls to the alert and marks it (`alert`). Null when PUBLIC_URL is not configured.
 */
export function alertUrl(publicUrl: string | undefined, alert: { workspaceId: string; alertId: string; errorId: string | null }): string | null {
  if (alert.errorId) return publicLink(publicUrl, `/errors/${encodeURIComponent(alert.errorId)}?alert=${encodeURIComponent(alert.alertId)}`);
  return publicLink(publicUrl, `/?ws=${encodeURIComponent(alert.workspaceId)}&alert=${encodeURIComponent(alert.alertId)}`);
}

const STAGE_LABEL: Record<NotificationStage, string> = {
  initial: "",
  escalate: "ESCALATED",
  final: "FINAL ESCALATION",
  acknowledged: "ACKNOWLEDGED",
  resolved: "RESOLVED",
};

/** "ESCALATED", "RESOLVED" … or "" for the first notification. */
export function stageLabel(stage: NotificationStage): string {
  return STAGE_LABEL[stage];
}

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function formatValue(kind: AlertRuleKind, value: number): string {
  if (kind === "error_rate") return `${value}%`;
  if (kind === "spike") return Number.isFinite(value) ? `${value}× baseline` : "from zero";
  return String(value);
}

/**
 * The facts a chat message lists beside its title (Slack, Discord, Teams): severity, rule, value and
 * project, then the error's occurrences and category. `text` fits what came from settings or events
 * (rule, project and category names) to the chat: its escaping, its length.
 */
export function chatFacts(ctx: NotificationContext, text: (value: string) => string): { name: string; value: string }[] {
  const { alert, error } = ctx;
  const facts = [
    { name: "Severity", value: alert.severity },
    { name: "Rule", value: text(alert.ruleName) },
    { name: "Value", value: `${formatValue(alert.ruleKind, alert.value)} (threshold ${alert.threshold})` },
    { name: "Project", value: text(ctx.project?.name ?? ctx.workspace.name) },
  ];
  if (error) facts.push({ name: "Occurrences", value: String(error.occurrences) }, { name: "Category", value: text(error.category) });
  return facts;
}

/** "TEST · ESCALATED · " before a chat title: a test notification, then the stage (none for the first notification). */
export function chatTitlePrefix(ctx: NotificationContext): string {
  const label = stageLabel(ctx.stage);
  return `${ctx.test ? "TEST · " : ""}${label ? `${label} · ` : ""}`;
}
