import { useSyncExternalStore } from "react";

/**
 * The dashboard's last view (its query string) per workspace, in this tab: an issue page's
 * "← Errors" goes back to the list as it was left — its project, filters, search and page.
 */
const KEY = "faultline:list-view:";
/** The parts of a view that are not the list: which details panel or alert was open. */
const TRANSIENT = ["error", "alert"];

export function rememberListView(workspaceId: string, search: string): void {
  try {
    sessionStorage.setItem(KEY + workspaceId, search);
  } catch {
    // Storage refused (private mode, quota): the link falls back to the plain list.
  }
}

const noSubscription = () => () => {};

/** `/?…` of the workspace's last list view in this tab (read after hydration: the server knows no tab's history). */
export function useListViewHref(workspaceId: string | undefined): string {
  return useSyncExternalStore(
    noSubscription,
    () => (workspaceId ? listViewHref(workspaceId) : "/"),
    () => (workspaceId ? `/?ws=${workspaceId}` : "/"),
  );
}

/** `/?…` of the workspace's last list view in this tab, else its plain list. */
function listViewHref(workspaceId: string): string {
  const params = new URLSearchParams(readView(workspaceId));
  for (const key of TRANSIENT) params.delete(key);
  params.set("ws", workspaceId);
  return `/?${params}`;
}

function readView(workspaceId: string): string {
  try {
    return sessionStorage.getItem(KEY + workspaceId) ?? "";
  } catch {
    return "";
  }
}
