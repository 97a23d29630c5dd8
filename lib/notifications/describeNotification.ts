import type { NotificationKind } from "@/lib/notifications/notificationKinds";

/** What the inbox and the email say happened, e.g. `Ana commented: "fixed in #42"`. */
export function describeNotification(kind: NotificationKind, actorName: string | null, detail: Record<string, unknown>): string {
  const excerpt = typeof detail.excerpt === "string" ? detail.excerpt : "";
  const ruleName = typeof detail.ruleName === "string" ? detail.ruleName : "";
  const who = actorName ?? "Someone";
  switch (kind) {
    case "assigned":
      if (actorName) return `${actorName} assigned an issue to you or your team`;
      return ruleName ? `Assignment rule “${ruleName}” assigned an issue to you or your team` : "An issue was assigned to you or your team";
    case "regressed":
      return "An issue you take part in came back after it was resolved";
    case "commented":
      return `${who} commented: “${excerpt}”`;
    case "mentioned":
      return `${who} mentioned you: “${excerpt}”`;
    case "resolved":
      return `${who} resolved an issue you take part in`;
    case "alert":
      return describeAlert(detail);
  }
}

const ALERT_STAGE_PREFIX: Record<string, string> = { escalate: "Alert escalated", final: "Alert escalated (final)" };

/** "Alert: Critical error: PaymentError …", "Alert escalated: …", or a channel test's title. */
function describeAlert(detail: Record<string, unknown>): string {
  const title = typeof detail.title === "string" ? detail.title : "an alert fired";
  if (detail.test === true) return title;
  const prefix = typeof detail.stage === "string" ? ALERT_STAGE_PREFIX[detail.stage] : undefined;
  return `${prefix ?? "Alert"}: ${title}`;
}
