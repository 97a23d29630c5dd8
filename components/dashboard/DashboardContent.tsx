"use client";

import Link from "next/link";
import { useCallback, useEffect } from "react";
import { DashboardFilters } from "@/components/dashboard/DashboardFilters";
import { DashboardSections } from "@/components/dashboard/DashboardSections";
import { FirstRunScreen } from "@/components/dashboard/FirstRunScreen";
import { WorkspaceIssueList } from "@/components/errors/WorkspaceIssueList";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { useErrorsQuery } from "@/lib/client/hooks/useErrorsQuery";
import { useErrorTrackingQuery } from "@/lib/client/hooks/useErrorTrackingQuery";
import { useSearchValuesQuery } from "@/lib/client/hooks/useSearchValuesQuery";
import type { DashboardParams, UpdateParams } from "@/lib/client/useDashboardParams";
import { forgetFirstRunKey } from "@/lib/client/firstRunKey";
import { rememberListView, type ListPage } from "@/lib/client/lastListView";
import { knownProjectId } from "@/lib/client/useProjectParam";
import { LIST_TIMEFRAMES, TIMEFRAMES, WIDEST_TIMEFRAME } from "@/lib/domain/timeframe";
import type { Me } from "@/lib/workspaces/getMe";

/** The dashboard (`/`: overview, timeline, the list beside a details panel, analyses) or the Issues page (`/errors`: the list alone). */
export type ListView = "dashboard" | "issues";

const PAGE_OF: Record<ListView, ListPage> = { dashboard: "/", issues: "/errors" };

const HEADINGS: Record<ListView, [string, string]> = {
  dashboard: ["Error Tracking", "Monitor and resolve system errors and exceptions"],
  issues: ["Issues", "Search, sort and triage every issue; open one for its events"],
};

interface DashboardContentProps {
  me: Me;
  workspace: Me["workspaces"][number];
  params: DashboardParams & { update: UpdateParams };
  view: ListView;
}

/** Title, filters, and either the first-run screen or the dashboard sections (or the Issues page's list) for one workspace. */
export function DashboardContent({ me, workspace, params: urlParams, view }: DashboardContentProps) {
  // All time is the Issues page's choice: the dashboard, whose cards and charts stop at the widest
  // timeframe, shows that one for its list too (a link from the Issues page may carry tf=all).
  const params = view === "dashboard" && urlParams.listTimeframe === "all" ? { ...urlParams, listTimeframe: WIDEST_TIMEFRAME } : urlParams;
  const { update } = params;
  const projectId = knownProjectId(workspace.projects, params.projectId) || undefined;
  const environment = params.environment ?? undefined;
  // The overview's aggregates: the dashboard's alone (the Issues page is the list).
  const tracking = useErrorTrackingQuery({ workspaceId: view === "dashboard" ? workspace.id : undefined, timeframe: params.timeframe, severity: params.severity, projectId, environment });
  const environments = useSearchValuesQuery(workspace.id, "environment", "", true);
  // Any error at all, ever: decides between the first-run screen and the dashboard.
  const anyError = useErrorsQuery({ workspaceId: workspace.id, pageSize: 1 });
  // The chosen project's, when one is: a project that never received an error says how to send one.
  const projectAnyError = useErrorsQuery({ workspaceId: workspace.id, projectId, pageSize: 1 }, projectId !== undefined);
  const quietProject = projectId && projectAnyError.data?.total === 0 ? workspace.projects.find((p) => p.id === projectId) : undefined;
  const onChange = useCallback<UpdateParams>((patch, options) => update(patch, options), [update]);

  const isFirstRun = anyError.data?.total === 0;
  const hasErrors = (anyError.data?.total ?? 0) > 0;
  // The key kept since setup / project creation is not needed once errors arrive.
  useEffect(() => {
    if (hasErrors) forgetFirstRunKey();
  }, [hasErrors]);
  // Each change of the view (params follow the URL) is where an issue page's way back returns to.
  useEffect(() => rememberListView(workspace.id, PAGE_OF[view], window.location.search), [workspace.id, view, urlParams]);
  const [heading, subheading] = HEADINGS[view];

  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-bold text-gray-900 dark:text-gray-100">{heading}</h1>
          <p className="mt-1 text-sm text-gray-500 dark:text-gray-400">{subheading}</p>
        </div>
        {!isFirstRun && (
          <DashboardFilters
            timeframe={params.listTimeframe}
            timeframes={view === "issues" ? LIST_TIMEFRAMES : TIMEFRAMES}
            severity={params.severity}
            projects={workspace.projects}
            projectId={projectId ?? ""}
            environments={environments.data?.values.map((v) => v.value) ?? []}
            environment={environment ?? ""}
            onTimeframeChange={(tf) => onChange({ tf: tf === "24h" ? null : tf, page: null, from: null, to: null })}
            onSeverityChange={(sev) => onChange({ sev: sev === "all" ? null : sev, page: null })}
            onProjectChange={(id) => onChange({ project: id || null, page: null, from: null, to: null })}
            onEnvironmentChange={(env) => onChange({ env: env || null, page: null, from: null, to: null })}
          />
        )}
      </div>
      {anyError.isLoading || (tracking.isLoading && !isFirstRun) ? (
        <LoadingState label="Loading error tracking…" />
      ) : anyError.error && !anyError.data ? (
        <ErrorState error={anyError.error} onRetry={() => void anyError.refetch()} />
      ) : isFirstRun ? (
        <FirstRunScreen workspace={workspace} />
      ) : view === "dashboard" && tracking.error && !tracking.data ? (
        <ErrorState error={tracking.error} onRetry={() => void tracking.refetch()} />
      ) : view === "issues" || tracking.data ? (
        <>
          {quietProject && (
            <p role="status" className="rounded-md bg-blue-50 px-4 py-3 text-sm text-blue-900 ring-1 ring-blue-200 dark:bg-blue-950 dark:text-blue-200 dark:ring-blue-900">
              <span className="font-medium">{quietProject.name}</span> has not received any errors yet. Its DSN and ingest keys are in{" "}
              <Link href={`/settings?ws=${workspace.id}&project=${quietProject.id}`} className="font-medium underline">
                its settings
              </Link>
              .
            </p>
          )}
          {view === "issues" ? (
            <IssuesList me={me} workspace={workspace} params={params} scope={{ projectId, environment }} onChange={onChange} />
          ) : (
            tracking.data && <DashboardSections me={me} workspace={workspace} params={params} scope={{ projectId, environment }} tracking={tracking.data} onChange={onChange} />
          )}
        </>
      ) : null}
    </div>
  );
}

/**
 * The Issues page's body: the list, full width, whose rows open the issue's page (no details panel
 * beside it: an engineer opens the issue, and Back or the page's "← Issues" returns to the list as left).
 */
function IssuesList({ me, workspace, params, scope, onChange }: Omit<DashboardContentProps, "view"> & { scope: { projectId?: string; environment?: string }; onChange: UpdateParams }) {
  // The category picker offers the workspace's most frequent categories (the dashboard takes them from its overview).
  const categoryValues = useSearchValuesQuery(workspace.id, "category", "", true);
  const categories = [...new Set([...(categoryValues.data?.values.map((v) => v.value) ?? []), ...(params.category ? [params.category] : [])])].sort();
  return <WorkspaceIssueList me={me} workspace={workspace} params={params} scope={scope} categories={categories} title="Issues" onChange={onChange} />;
}
