/** The release page's URL (`?ws=` keeps the workspace). */
export const releaseHref = (workspaceId: string, version: string) => `/releases/${encodeURIComponent(version)}?ws=${workspaceId}`;

/**
 * The Issues page searched by `search` (its search box's syntax) over all time: a release's counts
 * are of its whole life, so its list is too (an issue of the release last seen weeks before the
 * release's latest error is still one of its issues).
 */
export function releaseIssueListHref(workspaceId: string, search: string): string {
  return `/errors?${new URLSearchParams({ ws: workspaceId, tf: "all", query: search })}`;
}
