"use client";

import { useCallback, useEffect, useMemo, useRef } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { ERROR_SORTS, type ErrorSort } from "@/lib/domain/errorSort";
import { ERROR_STATUSES, type ErrorStatus } from "@/lib/domain/errorStatus";
import { SEVERITY_FILTERS, type SeverityFilter } from "@/lib/domain/severity";
import { DEFAULT_TIMEFRAME, LIST_TIMEFRAMES, WIDEST_TIMEFRAME, type ListTimeframe, type Timeframe } from "@/lib/domain/timeframe";
import { ASSIGNED_FILTERS, type AssignedFilter } from "@/lib/domain/assignedFilter";

/** Everything that defines the dashboard view lives in the URL, so a link reproduces it. */
export interface DashboardParams {
  workspaceId: string | null;
  /** One project of the workspace (`project`); null: all of them. */
  projectId: string | null;
  /** One environment (`env`); null: every environment. */
  environment: string | null;
  /** The list's timeframe (`tf`): a dashboard timeframe, or `all` (the Issues page's every issue, however old). */
  listTimeframe: ListTimeframe;
  /** The charts' and the rows' counts' timeframe: the list's, the widest one under `all`. */
  timeframe: Timeframe;
  severity: SeverityFilter;
  statuses: ErrorStatus[];
  category: string | null;
  q: string;
  /** The list's search syntax (lib/search/parseSearch.ts), as typed. */
  query: string;
  /** "assigned to me", "my teams", "unassigned"; null: everyone's. Links made before the search's `assigned:` term. */
  assigned: AssignedFilter | null;
  sort: ErrorSort;
  order: "asc" | "desc";
  page: number;
  selectedErrorId: string | null;
  /** An alert a notification linked to (`alert`): the alerts panel scrolls to it and marks it. */
  linkedAlertId: string | null;
  /** A spike's window picked on the timeline; narrows the list to errors active in it. */
  window: { from: string; to: string } | null;
}

export type ParamPatch = Partial<Record<"ws" | "project" | "env" | "tf" | "sev" | "status" | "cat" | "q" | "query" | "assigned" | "sort" | "order" | "page" | "error" | "alert" | "from" | "to", string | null>>;

/** How `update` writes the URL: a new history entry (Back returns to the view before), or over the current one. */
export interface UpdateOptions {
  /** Over the current entry: a refinement of it (the details closed; a search still being typed, after a pause). */
  replace?: boolean;
}

export type UpdateParams = (patch: ParamPatch, options?: UpdateOptions) => void;

/**
 * Whether a change of the view's query string pushes a history entry, replaces the current one, or
 * writes nothing (no change: a second entry of the same view would make Back seem to do nothing).
 */
export function historyWrite(currentQuery: string, nextQuery: string, options: UpdateOptions = {}): "push" | "replace" | null {
  if (nextQuery === currentQuery) return null;
  return options.replace ? "replace" : "push";
}

const oneOf = <T extends string>(options: readonly T[], value: string | null, fallback: T): T =>
  options.includes(value as T) ? (value as T) : fallback;

export function parseDashboardParams(params: URLSearchParams): DashboardParams {
  const from = params.get("from");
  const to = params.get("to");
  const page = Number(params.get("page"));
  const listTimeframe = oneOf(LIST_TIMEFRAMES, params.get("tf"), DEFAULT_TIMEFRAME);
  return {
    workspaceId: params.get("ws"),
    projectId: params.get("project"),
    environment: params.get("env"),
    listTimeframe,
    timeframe: listTimeframe === "all" ? WIDEST_TIMEFRAME : listTimeframe,
    severity: oneOf(SEVERITY_FILTERS, params.get("sev"), "all"),
    statuses: (params.get("status") ?? "").split(",").filter((s): s is ErrorStatus => ERROR_STATUSES.includes(s as ErrorStatus)),
    category: params.get("cat"),
    q: params.get("q") ?? "",
    query: params.get("query") ?? "",
    assigned: ASSIGNED_FILTERS.includes(params.get("assigned") as AssignedFilter) ? (params.get("assigned") as AssignedFilter) : null,
    sort: oneOf(ERROR_SORTS, params.get("sort"), "lastSeen"),
    order: params.get("order") === "asc" ? "asc" : "desc",
    page: Number.isInteger(page) && page > 0 ? page : 1,
    selectedErrorId: params.get("error"),
    linkedAlertId: params.get("alert"),
    window: from && to && !Number.isNaN(Date.parse(from)) && !Number.isNaN(Date.parse(to)) ? { from, to } : null,
  };
}

/**
 * The parsed view plus `update`, which rewrites the query string (null removes a key): each change of
 * the view (filters, search, sort, page, a spike, a workspace) is a history entry of its own, so Back
 * returns to the view before it.
 */
export function useDashboardParams() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const current = params.toString();
  const state = useMemo(() => parseDashboardParams(new URLSearchParams(current)), [current]);
  // The query string of an update the router has not committed yet: quick successive changes
  // (two clicks before the URL updates) must build on each other, not on the stale committed URL.
  const pending = useRef<string | null>(null);

  useEffect(() => {
    if (pending.current === current) pending.current = null;
  }, [current]);
  useEffect(() => {
    const forget = () => {
      pending.current = null;
    };
    window.addEventListener("popstate", forget);
    return () => window.removeEventListener("popstate", forget);
  }, []);

  const update = useCallback<UpdateParams>(
    (patch, options = {}) => {
      const base = pending.current ?? current;
      const next = new URLSearchParams(base);
      for (const [key, value] of Object.entries(patch)) {
        if (value === null || value === undefined || value === "") next.delete(key);
        else next.set(key, value);
      }
      const qs = next.toString();
      const write = historyWrite(base, qs, options);
      if (!write) return;
      pending.current = qs;
      const url = qs ? `${pathname}?${qs}` : pathname;
      if (write === "push") router.push(url, { scroll: false });
      else router.replace(url, { scroll: false });
    },
    [current, pathname, router],
  );

  return { ...state, update };
}
