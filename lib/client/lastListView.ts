import { useSyncExternalStore } from "react";

/**
 * The issue list's last view per workspace, in this tab: which page showed it (the dashboard at `/`
 * or the Issues page at `/errors`) and its query string. An issue page's way back returns to the
 * list as it was left — its page, project, filters, search and page number.
 */
const KEY = "faultline:list-view:";
/** The parts of a view that are not the list: which details panel or alert was open. */
const TRANSIENT = ["error", "alert"];

/** The two pages that show the issue list. */
export type ListPage = "/" | "/errors";

/** Who reads the saved views (the header's links, an issue page's way back), told when one is saved. */
const listeners = new Set<() => void>();

export function rememberListView(workspaceId: string, page: ListPage, search: string): void {
  try {
    sessionStorage.setItem(KEY + workspaceId, page + (search && !search.startsWith("?") ? `?${search}` : search));
  } catch {
    // Storage refused (private mode, quota): the link falls back to the plain list.
    return;
  }
  // Saved after the render that showed the view (an effect): the header's links read it again now,
  // not at the next render of their own — else they stay one filter change behind.
  for (const listener of [...listeners]) listener();
}

/**
 * useSyncExternalStore's subscribe for the saved views. Only this document saves them: sessionStorage
 * is per tab, so other tabs' lists never change this tab's links (no `storage` event to listen to).
 */
export function subscribeToListViews(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** What the whole page is narrowed to — project, environment, timeframe — without the list's own search, sort or page. */
const SCOPE = ["project", "env", "tf"];

/**
 * `<page>?…` of the workspace's last list view in this tab (read after hydration: the server knows no
 * tab's history): all of it on the page that showed it (an issue page's way back), or only its scope
 * on the page asked for (the header's Dashboard and Issues links, which keep the project, environment
 * and timeframe chosen, as a fresh view).
 */
export function useListViewHref(workspaceId: string | undefined, part: "all" | "scope" = "all", page?: ListPage): string {
  return useSyncExternalStore(
    subscribeToListViews,
    () => (workspaceId ? listViewPath(readView(workspaceId), workspaceId, part, page) : (page ?? DEFAULT_PAGE)),
    () => (workspaceId ? `${page ?? DEFAULT_PAGE}?ws=${workspaceId}` : (page ?? DEFAULT_PAGE)),
  );
}

/** The project last chosen on the workspace's dashboard or Issues page in this tab ("" for none): the header opens the other pages on it. */
export function useRememberedProject(workspaceId: string | undefined): string {
  return useSyncExternalStore(
    subscribeToListViews,
    () => (workspaceId ? (new URLSearchParams(splitSaved(readView(workspaceId)).search).get("project") ?? "") : ""),
    () => "",
  );
}

/** Where a way back to the list leads before any list was seen in this tab (an issue opened from a notification or a shared link). */
const DEFAULT_PAGE: ListPage = "/errors";

/** A saved view (`/errors?…`; a bare query string — as saved before the Issues page — the dashboard's) as its page and query string. */
function splitSaved(saved: string): { page: ListPage | null; search: string } {
  if (!saved) return { page: null, search: "" };
  if (!saved.startsWith("/")) return { page: "/", search: saved };
  const at = saved.indexOf("?");
  const path = at === -1 ? saved : saved.slice(0, at);
  return { page: path === "/errors" ? "/errors" : "/", search: at === -1 ? "" : saved.slice(at) };
}

/**
 * The list's path from a saved view: `page` (else the page it was saved on), its workspace, less
 * what was open, all of it or its scope. Pure.
 */
export function listViewPath(saved: string, workspaceId: string, part: "all" | "scope", page?: ListPage): string {
  const view = splitSaved(saved);
  const params = new URLSearchParams();
  params.set("ws", workspaceId);
  for (const [key, value] of new URLSearchParams(view.search)) {
    if (key === "ws" || TRANSIENT.includes(key) || (part === "scope" && !SCOPE.includes(key))) continue;
    params.set(key, value);
  }
  return `${page ?? view.page ?? DEFAULT_PAGE}?${params}`;
}

/** The back link's words for a list path: the Issues page or the dashboard. */
export function listViewLabel(href: string): string {
  return href.startsWith("/errors") ? "Issues" : "Dashboard";
}

function readView(workspaceId: string): string {
  try {
    return sessionStorage.getItem(KEY + workspaceId) ?? "";
  } catch {
    return "";
  }
}
