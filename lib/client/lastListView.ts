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

/** What the whole page is narrowed to — project, environment, timeframe — without the list's own search, sort or page. */
const SCOPE = ["project", "env", "tf"];

const noSubscription = () => () => {};

/**
 * `/?…` of the workspace's last list view in this tab (read after hydration: the server knows no
 * tab's history): all of it (an issue page's way back), or only its scope (the header's Errors
 * link, which keeps the project, environment and timeframe chosen, as a fresh list).
 */
export function useListViewHref(workspaceId: string | undefined, part: "all" | "scope" = "all"): string {
  return useSyncExternalStore(
    noSubscription,
    () => (workspaceId ? listViewHref(workspaceId, part) : "/"),
    () => (workspaceId ? `/?ws=${workspaceId}` : "/"),
  );
}

/** The project last chosen on the workspace's dashboard in this tab ("" for none): the header opens the other pages on it. */
export function useRememberedProject(workspaceId: string | undefined): string {
  return useSyncExternalStore(
    noSubscription,
    () => (workspaceId ? (new URLSearchParams(readView(workspaceId)).get("project") ?? "") : ""),
    () => "",
  );
}

function listViewHref(workspaceId: string, part: "all" | "scope"): string {
  return listViewPath(readView(workspaceId), workspaceId, part);
}

/** The list's path from a saved query string: its workspace, less what was open, all of it or its scope. Pure. */
export function listViewPath(search: string, workspaceId: string, part: "all" | "scope"): string {
  const saved = new URLSearchParams(search);
  const params = new URLSearchParams();
  params.set("ws", workspaceId);
  for (const [key, value] of saved) {
    if (key === "ws" || TRANSIENT.includes(key) || (part === "scope" && !SCOPE.includes(key))) continue;
    params.set(key, value);
  }
  return `/?${params}`;
}

function readView(workspaceId: string): string {
  try {
    return sessionStorage.getItem(KEY + workspaceId) ?? "";
  } catch {
    return "";
  }
}
