import { formatValue, stageLabel, type NotificationContext } from "@/lib/alerts/notify/notificationContext";
import { issueTitle } from "@/lib/domain/issueTitle";
import { escapeHtml } from "@/lib/text/escapeHtml";

export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
}


/** Subject, plain text and a minimal HTML body for one alert notification. */
export function emailMessage(ctx: NotificationContext): EmailMessage {
  const { alert, error } = ctx;
  const label = stageLabel(ctx.stage);
  const subject = `[Faultline]${label ? ` [${label}]` : ""} [${alert.severity.toUpperCase()}] ${alert.title.replace(/[\r\n]+/g, " ")}`.slice(0, 250);

  const rows: [string, string][] = [
    ["Severity", alert.severity],
    ["Rule", `${alert.ruleName} (${alert.ruleKind})`],
    ["Value", `${formatValue(alert.ruleKind, alert.value)}, threshold ${alert.threshold}, ${alert.count} crossing${alert.count === 1 ? "" : "s"}`],
    ["Workspace", ctx.workspace.name],
    ...(ctx.project ? ([["Project", ctx.project.name]] as [string, string][]) : []),
    ["Fired", alert.firedAt.toISOString()],
    ["Status", alert.status],
  ];
  if (error) {
    rows.push(
      ["Error", issueTitle(error, 2000)],
      ["Category", error.category],
      ["Occurrences", String(error.occurrences)],
      ["First seen", error.firstSeen.toISOString()],
      ["Last seen", error.lastSeen.toISOString()],
    );
  }

  const intro = label ? `${label}: this alert is still unacknowledged.` : "A Faultline alert fired.";
  const text = [intro, "", alert.title, "", ...rows.map(([k, v]) => `${k}: ${v}`), ...(ctx.url ? ["", `Open in Faultline: ${ctx.url}`] : [])].join("\n");
  const html = [
    `<p>${escapeHtml(intro)}</p>`,
    `<h2 style="font-family:sans-serif">${escapeHtml(alert.title)}</h2>`,
    `<table style="font-family:sans-serif;border-collapse:collapse">`,
    ...rows.map(([k, v]) => `<tr><th style="text-align:left;padding:2px 12px 2px 0">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`),
    `</table>`,
    ...(ctx.url ? [`<p><a href="${escapeHtml(ctx.url)}">Open in Faultline</a></p>`] : []),
  ].join("\n");
  return { subject, text, html };
}
