import { issueTitle } from "@/lib/domain/issueTitle";
import { describeNotification } from "@/lib/notifications/describeNotification";
import type { NotificationKind } from "@/lib/notifications/notificationKinds";
import { escapeHtml } from "@/lib/text/escapeHtml";

/** One notification as an email lists it. */
export interface EmailedNotification {
  kind: NotificationKind;
  actorName: string | null;
  detail: Record<string, unknown>;
  /** Null for an alert of a project or the workspace, and a channel test. */
  issue: { type: string; message: string } | null;
  /** The issue's project, else the alert's project, else the workspace. */
  placeName: string;
  /** The issue's page (or the alert on its dashboard), when PUBLIC_URL says where Faultline is. */
  url: string | null;
}

const oneLine = (s: string) => s.replace(/[\r\n]+/g, " ");

/**
 * One email for everything a person was told since the last turn: a subject naming the one thing,
 * or how many; each item's sentence, issue and link; where to change what arrives by email.
 */
export function notificationEmail(items: EmailedNotification[], settingsUrl: string | null, unsubscribeUrl: string | null = null): { subject: string; text: string; html: string } {
  const first = items[0];
  const subject = oneLine(items.length === 1 ? `[Faultline] ${subjectOf(first)}` : `[Faultline] ${items.length} ${items.some((i) => i.kind === "alert") ? "alerts and updates" : "updates on issues you take part in"}`).slice(0, 250);
  const text = [
    ...items.flatMap((item) => [
      describeNotification(item.kind, item.actorName, item.detail),
      `  ${item.issue ? `${item.placeName}: ${issueTitle(item.issue, 300)}` : item.placeName}`,
      ...(item.url ? [`  ${item.url}`] : []),
      "",
    ]),
    settingsUrl ? `Choose what arrives by email: ${settingsUrl}` : "Choose what arrives by email under Settings → Notifications.",
    ...(unsubscribeUrl ? [`Stop these emails: ${unsubscribeUrl}`] : []),
  ].join("\n");
  const html = [
    "<ul>",
    ...items.map((item) => {
      const title = escapeHtml(item.issue ? issueTitle(item.issue, 300) : item.url ? "Open in Faultline" : "");
      const link = item.url ? `<a href="${escapeHtml(item.url)}">${title}</a>` : title;
      return `<li><p>${escapeHtml(describeNotification(item.kind, item.actorName, item.detail))}<br>${escapeHtml(item.placeName)}${link ? `: ${link}` : ""}</p></li>`;
    }),
    "</ul>",
    `<p style="color:#666">${settingsUrl ? `<a href="${escapeHtml(settingsUrl)}">Choose what arrives by email</a>` : "Choose what arrives by email under Settings → Notifications."}${unsubscribeUrl ? ` · <a href="${escapeHtml(unsubscribeUrl)}">Stop these emails</a>` : ""}</p>`,
  ].join("\n");
  return { subject, text, html };
}

/** One notification's subject: what happened and the issue ("Ana assigned an issue …: TypeError: …"); an alert names itself. */
function subjectOf(item: EmailedNotification): string {
  if (item.kind === "alert" || !item.issue) return describeNotification(item.kind, item.actorName, item.detail);
  return `${describeNotification(item.kind, item.actorName, {})}: ${issueTitle(item.issue, 120)}`.replace(/: “”/, "");
}
