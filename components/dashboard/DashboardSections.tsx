"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useEffect } from "react";
import { ErrorAlerts } from "@/components/alerts/ErrorAlerts";
import { ErrorCorrelations } from "@/components/analysis/ErrorCorrelations";
import { RecoveryAnalysis } from "@/components/analysis/RecoveryAnalysis";
import { ErrorCategories } from "@/components/errors/ErrorCategories";
import { ErrorDetailsPanel } from "@/components/errors/ErrorDetailsPanel";
import { ErrorOverview } from "@/components/errors/ErrorOverview";
import { ErrorTimeline } from "@/components/errors/ErrorTimeline";
import { TopErrors } from "@/components/errors/TopErrors";
import { WorkspaceIssueList } from "@/components/errors/WorkspaceIssueList";
import { ResolutionMetricsPanel } from "@/components/analysis/ResolutionMetricsPanel";
import type { WorkspaceErrorTracking } from "@/lib/analytics/getWorkspaceErrorTracking";
import { listViewPath } from "@/lib/client/lastListView";
import { setValues } from "@/lib/search/editSearch";
import type { DashboardParams, UpdateParams } from "@/lib/client/useDashboardParams";
import type { Me } from "@/lib/workspaces/getMe";

interface DashboardSectionsProps {
  me: Me;
  workspace: Me["workspaces"][number];
  params: DashboardParams & { update: UpdateParams };
  /** The project and environment the whole page is narrowed to (the filters beside the timeframe). */
  scope: { projectId?: string; environment?: string };
  tracking: WorkspaceErrorTracking;
  onChange: UpdateParams;
}

/** Seed 002's page layout: overview, timeline, list + details (or correlations), recovery, alerts. */
export function DashboardSections({ me, workspace, params, scope, tracking, onChange }: DashboardSectionsProps) {
  const { update, selectedErrorId } = params;
  // The list as it is here, on the Issues page (less the panel open).
  const fullListHref = listViewPath(useSearchParams().toString(), workspace.id, "all", "/errors");
  const select = useCallback((id: string) => update({ error: id }), [update]);
  const close = useCallback(() => update({ error: null }, { replace: true }), [update]);
  useLockScrollWhileOverlay(Boolean(selectedErrorId));
  const categories = [...new Set([...tracking.categories.byType.map((c) => c.category), ...(params.category ? [params.category] : [])])].sort();

  return (
    <>
      <ErrorOverview overview={tracking.overview} recoveryOutcomes={tracking.recovery.outcomesReported} />
      <ErrorTimeline
        timeline={tracking.timeline}
        timeframe={params.timeframe}
        activeWindow={params.window}
        onSpikeClick={(spike) => update({ from: spike.startTime, to: spike.endTime, page: null })}
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <WorkspaceIssueList
            me={me}
            workspace={workspace}
            params={params}
            scope={scope}
            categories={categories}
            onChange={onChange}
            onSelect={select}
            fullListHref={fullListHref}
          />
          <TopErrors topErrors={tracking.topErrors} selectedErrorId={selectedErrorId} onSelect={select} />
        </div>
        <div
          className={
            selectedErrorId
              ? "fixed inset-0 z-30 overflow-y-auto bg-gray-50 p-3 lg:sticky lg:top-4 lg:z-auto lg:max-h-[calc(100vh-2rem)] lg:self-start lg:bg-transparent lg:p-0 dark:bg-gray-950 lg:dark:bg-transparent"
              : "space-y-6"
          }
        >
          {selectedErrorId ? (
            <ErrorDetailsPanel key={selectedErrorId} errorId={selectedErrorId} me={me} workspace={workspace} onClose={close} />
          ) : (
            <>
              <ErrorCorrelations correlations={tracking.correlations} />
              <ErrorCategories categories={tracking.categories} onCategory={(cat) => onChange({ query: setValues(params.query, "category", [cat]) || null, cat: null, page: null })} />
            </>
          )}
        </div>
      </div>
      <ResolutionMetricsPanel resolution={tracking.resolution} timeframe={params.timeframe} />
      <RecoveryAnalysis recovery={tracking.recovery} />
      <ErrorAlerts workspace={workspace} onOpenError={select} linkedAlertId={params.linkedAlertId} projectId={scope.projectId ?? null} />
    </>
  );
}

/** Below `lg` the details open as a full-screen sheet: keep the page behind it from scrolling. */
function useLockScrollWhileOverlay(isOpen: boolean) {
  useEffect(() => {
    if (!isOpen) return;
    const narrow = window.matchMedia("(max-width: 1023px)");
    const apply = () => {
      document.body.style.overflow = narrow.matches ? "hidden" : "";
    };
    apply();
    narrow.addEventListener("change", apply);
    return () => {
      narrow.removeEventListener("change", apply);
      document.body.style.overflow = "";
    };
  }, [isOpen]);
}
