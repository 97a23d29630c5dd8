import { issueTitle } from "@/lib/domain/issueTitle";
import { publicLink } from "@/lib/http/publicLink";
import { escapeHtml } from "@/lib/text/escapeHtml";

export interface WeeklyReportIssue {
  id: string;
  type: string;
  message: string;
  events: number;
  status: string;
}

/** What one person's weekly report of one workspace says. */
export interface WeeklyReportContent {
  workspaceName: string;
  weekStart: Date;
  weekEnd: Date;
  totals: { events: number; criticalEvents: number; affectedUsers: number; new: number; resolved: number; regressed: number; unresolved: number };
  previousEvents: number;
  topIssues: WeeklyReportIssue[];
  /** Open issues assigned to the person or their teams that had events in the week. */
  yours: WeeklyReportIssue[];
  /** The workspace's projects the person muted, which the figures and top issues leave out. */
  mutedProjects?: string[];
  /** Where Faultline is (PUBLIC_URL), for links. */
  publicUrl: string | undefined;
  /** The page that stops the weekly report (no sign-in), when there can be one. */
  unsubscribeUrl?: string | null;
  workspaceId: string;
}

const fmt = (n: number) => n.toLocaleString("en-US");
const day = (d: Date) => d.toISOString().slice(0, 10);

/** "+25 % on the week before", "as many as the week before", "new this week". */
export function weekOverWeek(events: number, previous: number): string {
  if (previous === 0) return events === 0 ? "none the week before either" : "none the week before";
  const change = Math.round(((events - previous) / previous) * 100);
  if (change === 0) return "as many as the week before";
  return `${change > 0 ? "+" : ""}${change} % on the week before`;
}

/** The weekly report email: the week's totals against the week before, the top issues, and the person's own open issues. */
export function weeklyReportEmail(c: WeeklyReportContent): { subject: string; text: string; html: string } {
  const lastDay = new Date(c.weekEnd.getTime() - 86_400_000);
  const link = (path: string) => publicLink(c.publicUrl, path);
  const issueLink = (i: WeeklyReportIssue) => link(`/errors/${i.id}`);
  const subject = `[Faultline] ${c.workspaceName.replace(/[\r\n]+/g, " ")}: ${fmt(c.totals.events)} events in the week of ${day(c.weekStart)}`.slice(0, 250);
  const t = c.totals;
  const summary = [
    `${fmt(t.events)} events (${weekOverWeek(t.events, c.previousEvents)}), ${fmt(t.criticalEvents)} critical, ${fmt(t.affectedUsers)} users affected`,
    `${fmt(t.new)} new issues, ${fmt(t.regressed)} regressed, ${fmt(t.resolved)} resolved; ${fmt(t.unresolved)} unresolved issues had events`,
  ];
  const list = (issues: WeeklyReportIssue[]) => issues.map((i) => `- ${issueTitle(i, 160)} — ${fmt(i.events)} events (${i.status})${issueLink(i) ? `\n  ${issueLink(i)}` : ""}`);
  const dashboard = link(`/?ws=${c.workspaceId}&tf=7d`);
  const without = c.mutedProjects?.length ? `Without the projects you muted: ${c.mutedProjects.join(", ")}.` : null;
  const text = [
    `${c.workspaceName}, ${day(c.weekStart)} to ${day(lastDay)} (UTC)`,
    ...(without ? [without] : []),
    "",
    ...summary,
    "",
    ...(c.topIssues.length ? ["Top issues:", ...list(c.topIssues), ""] : ["No events this week.", ""]),
    ...(c.yours.length ? ["Assigned to you or your team, still open:", ...list(c.yours), ""] : []),
    ...(dashboard ? [`The dashboard: ${dashboard}`] : []),
    c.unsubscribeUrl ? `Stop the weekly report: ${c.unsubscribeUrl}` : "Stop these emails: Your account → Notifications → Weekly report.",
  ].join("\n");
  const htmlList = (issues: WeeklyReportIssue[]) =>
    `<ul>${issues
      .map((i) => {
        const title = escapeHtml(issueTitle(i, 160));
        const url = issueLink(i);
        return `<li>${url ? `<a href="${escapeHtml(url)}">${title}</a>` : title} — ${fmt(i.events)} events (${escapeHtml(i.status)})</li>`;
      })
      .join("")}</ul>`;
  const html = [
    `<h2>${escapeHtml(c.workspaceName)}</h2>`,
    `<p>${day(c.weekStart)} to ${day(lastDay)} (UTC)${without ? `<br>${escapeHtml(without)}` : ""}</p>`,
    `<p>${summary.map(escapeHtml).join("<br>")}</p>`,
    c.topIssues.length ? `<h3>Top issues</h3>${htmlList(c.topIssues)}` : "<p>No events this week.</p>",
    c.yours.length ? `<h3>Assigned to you or your team, still open</h3>${htmlList(c.yours)}` : "",
    dashboard ? `<p><a href="${escapeHtml(dashboard)}">Open the dashboard</a></p>` : "",
    c.unsubscribeUrl
      ? `<p style="color:#666"><a href="${escapeHtml(c.unsubscribeUrl)}">Stop the weekly report</a></p>`
      : `<p style="color:#666">Stop these emails: Your account → Notifications → Weekly report.</p>`,
  ].join("\n");
  return { subject, text, html };
}
