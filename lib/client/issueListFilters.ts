import type { ErrorsFilters } from "@/lib/client/hooks/useErrorsQuery";
import type { DashboardParams } from "@/lib/client/useDashboardParams";

/** Rows per page of the issue list (the dashboard's and the Issues page's). */
export const ISSUE_LIST_PAGE_SIZE = 20;

/**
 * The issue list's request from the page's URL state and the project and environment the whole page
 * is narrowed to: the same on the dashboard and on the Issues page, so a view moves between them as is.
 */
export function issueListFilters(workspaceId: string, params: DashboardParams, scope: { projectId?: string; environment?: string }): ErrorsFilters {
  return {
    workspaceId,
    projectId: scope.projectId,
    environment: scope.environment,
    severity: params.severity === "all" ? undefined : params.severity,
    // status, cat, q and assigned: links made before the search syntax keep working.
    status: params.statuses.join(",") || undefined,
    category: params.category ?? undefined,
    q: params.q || undefined,
    query: params.query || undefined,
    assigned: params.assigned ?? undefined,
    sort: params.sort,
    order: params.order,
    page: params.page,
    pageSize: ISSUE_LIST_PAGE_SIZE,
    statsPeriod: params.timeframe,
    // All time: no window at all (the rows still count the widest timeframe's events).
    ...(params.window ? { since: params.window.from, until: params.window.to } : params.listTimeframe === "all" ? {} : { timeframe: params.timeframe }),
  };
}
