import { timeframeCovering } from "@/lib/client/timeframes";

/** The release page's URL (`?ws=` keeps the workspace). */
export const releaseHref = (workspaceId: string, version: string) => `/releases/${encodeURIComponent(version)}?ws=${workspaceId}`;

/**
 * The Issues page searched by `search` (its search box's syntax), over a timeframe that reaches back
 * to the release's last error (the list shows issues seen in its timeframe).
 */
export function releaseIssueListHref(workspaceId: string, search: string, lastSeen: string): string {
  return `/errors?${new URLSearchParams({ ws: workspaceId, tf: timeframeCovering(lastSeen), query: search })}`;
}
