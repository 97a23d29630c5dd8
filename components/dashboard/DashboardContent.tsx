"use client";

import Link from "next/link";
import { useCallback, useEffect } from "react";
import { DashboardFilters } from "@/components/dashboard/DashboardFilters";
import { DashboardSections } from "@/components/dashboard/DashboardSections";
import { FirstRunScreen } from "@/components/dashboard/FirstRunScreen";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { useErrorsQuery } from "@/lib/client/hooks/useErrorsQuery";
import { useErrorTrackingQuery } from "@/lib/client/hooks/useErrorTrackingQuery";
import { useSearchValuesQuery } from "@/lib/client/hooks/useSearchValuesQuery";
import type { DashboardParams, ParamPatch } from "@/lib/client/useDashboardParams";
import { forgetFirstRunKey } from "@/lib/client/firstRunKey";
import { rememberListView } from "@/lib/client/lastListView";
import { knownProjectId } from "@/lib/client/useProjectParam";
import type { Me } from "@/lib/workspaces/getMe";

interface DashboardContentProps {
  me: Me;
  workspace: Me["workspaces"][number];
  params: DashboardParams & { update: (patch: ParamPatch, options?: { push?: boolean }) => void };
}

/** Title, filters, and either the first-run screen or the dashboard sections for one workspace. */
export function DashboardContent({ me, workspace, params }: DashboardContentProps) {
  const { update } = params;
  const projectId = knownProjectId(workspace.projects, params.projectId) || undefined;
  const environment = params.environment ?? undefined;
  const tracking = useErrorTrackingQuery({ workspaceId: workspace.id, timeframe: params.timeframe, severity: params.severity, projectId, environment });
  const environments = useSearchValuesQuery(workspace.id, "environment", "", true);
  // Any error at all, ever: decides between the first-run screen and the dashboard.
  const anyError = useErrorsQuery({ workspaceId: workspace.id, pageSize: 1 });
  // The chosen project's, when one is: a project that never received an error says how to send one.
  const projectAnyError = useErrorsQuery({ workspaceId: workspace.id, projectId, pageSize: 1 }, projectId !== undefined);
  const quietProject = projectId && projectAnyError.data?.total === 0 ? workspace.projects.find((p) => p.id === projectId) : undefined;
  const onChange = useCallback((patch: ParamPatch) => update(patch), [update]);

  const isFirstRun = anyError.data?.total === 0;
  const hasErrors = (anyError.data?.total ?? 0) > 0;
  // The key kept since setup / project creation is not needed once errors arrive.
  useEffect(() => {
    if (hasErrors) forgetFirstRunKey();
  }, [hasErrors]);
  // Each change of the view (params follow the URL) is where an issue page's "← Errors" returns to.
  useEffect(() => rememberListView(workspace.id, window.location.search), [workspace.id, params]);

  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-bold text-gray-900 dark:text-gray-100">Error Tracking</h1>
          <p className="mt-1 text-sm text-gray-500 dark:text-gray-400">Monitor and resolve system errors and exceptions</p>
        </div>
        {!isFirstRun && (
          <DashboardFilters
            timeframe={params.timeframe}
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
      ) : tracking.error && !tracking.data ? (
        <ErrorState error={tracking.error} onRetry={() => void tracking.refetch()} />
      ) : tracking.data ? (
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
          <DashboardSections me={me} workspace={workspace} params={params} scope={{ projectId, environment }} tracking={tracking.data} onChange={onChange} />
        </>
      ) : null}
    </div>
  );
}
