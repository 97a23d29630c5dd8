import { chatFacts, stageLabel, truncate, type NotificationContext } from "@/lib/alerts/notify/notificationContext";
import type { Severity } from "@/lib/generated/prisma/enums";

const ICON: Record<Severity, string> = { critical: ":red_circle:", high: ":large_orange_circle:", medium: ":large_yellow_circle:", low: ":white_circle:" };

/** Slack's mrkdwn treats &, < and > as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** An incoming-webhook message: `text` for notifications and old clients, `blocks` for the layout. */
export function slackPayload(ctx: NotificationContext) {
  const { alert, error } = ctx;
  const label = stageLabel(ctx.stage);
  const severity = alert.severity.toUpperCase();
  const heading = `${ICON[alert.severity]} ${label ? `${label}: ` : ""}[${severity}] ${alert.title}`;
  const title = escapeMrkdwn(truncate(alert.title, 500));
  const linked = ctx.url ? `*<${ctx.url}|${title}>*` : `*${title}*`;
  const detail = error?.message ? `\n>${escapeMrkdwn(truncate(error.message.replace(/\s+/g, " "), 1500))}` : "";

  const fields = chatFacts(ctx, (value) => escapeMrkdwn(truncate(value, 200))).map((fact) => ({ type: "mrkdwn", text: `*${fact.name}*\n${fact.value}` }));

  return {
    text: truncate(heading, 3000),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: truncate(`${ICON[alert.severity]} ${label ? `*${label}* · ` : ""}${linked}${detail}`, 3000) } },
      { type: "section", fields },
      {
        type: "context",
        elements: [{ type: "mrkdwn", text: `Faultline · ${escapeMrkdwn(ctx.workspace.name)} · fired ${alert.firedAt.toISOString()}${alert.count > 1 ? ` · ${alert.count} crossings` : ""}` }],
      },
    ],
  };
}
