import type { NotificationDto } from "@/lib/notifications/listNotifications";

/** Where a notification leads in the dashboard: its issue's page, else its alert on the workspace's dashboard. */
export function notificationHref(n: Pick<NotificationDto, "workspaceId" | "issue" | "alert">): string {
  const ws = encodeURIComponent(n.workspaceId);
  if (n.issue) return `/errors/${encodeURIComponent(n.issue.id)}?ws=${ws}${n.alert ? `&alert=${encodeURIComponent(n.alert.id)}` : ""}`;
  if (n.alert) return `/?ws=${ws}&alert=${encodeURIComponent(n.alert.id)}`;
  return `/?ws=${ws}`;
}
