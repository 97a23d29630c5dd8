"use client";

import { useCallback } from "react";
import { AppHeader } from "@/components/dashboard/AppHeader";
import { DashboardContent, type ListView } from "@/components/dashboard/DashboardContent";
import { TwoFactorRequiredNotice } from "@/components/settings/TwoFactorRequiredNotice";
import { NoWorkspaceState } from "@/components/dashboard/NoWorkspaceState";
import { UnknownWorkspaceNotice } from "@/components/dashboard/UnknownWorkspaceNotice";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { useMeQuery } from "@/lib/client/hooks/useMeQuery";
import { pickWorkspace } from "@/lib/client/pickWorkspace";
import { useDashboardParams } from "@/lib/client/useDashboardParams";

/** The dashboard (`/`) or the Issues page (`/errors`): who is signed in, which workspace, then the view of it. */
export function ErrorTrackingDashboard({ view }: { view: ListView }) {
  const params = useDashboardParams();
  const { update } = params;
  const me = useMeQuery();
  const workspaces = me.data?.workspaces ?? [];
  const { workspace, unknownId } = pickWorkspace(workspaces, params.workspaceId);

  const switchWorkspace = useCallback(
    (id: string) => update({ ws: id, project: null, env: null, error: null, page: null, from: null, to: null, cat: null }),
    [update],
  );

  return (
    <div className="min-h-screen">
      <AppHeader me={me.data} workspace={workspace} onWorkspaceChange={switchWorkspace} active={view} wide={view === "issues"} />
      {/* The Issues page is the list alone: as wide as the issue page it opens. */}
      <main className={`mx-auto px-3 py-6 sm:px-6 lg:px-8 ${view === "issues" ? "max-w-screen-2xl" : "max-w-7xl"}`}>
        {me.isLoading ? (
          <LoadingState label="Loading your workspaces…" />
        ) : me.error ? (
          <ErrorState error={me.error} onRetry={() => void me.refetch()} />
        ) : !me.data || !workspace ? (
          <NoWorkspaceState onCreated={switchWorkspace} />
        ) : unknownId ? (
          <UnknownWorkspaceNotice fallback={workspace} />
        ) : workspace.twoFactorBlocked ? (
          <TwoFactorRequiredNotice workspaceName={workspace.name} />
        ) : (
          <DashboardContent key={workspace.id} me={me.data} workspace={workspace} params={params} view={view} />
        )}
      </main>
    </div>
  );
}
