"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { AppHeader } from "@/components/dashboard/AppHeader";
import { AlertRulesSettings } from "@/components/settings/AlertRulesSettings";
import { ChannelsSettings } from "@/components/settings/ChannelsSettings";
import { DeliveryLog } from "@/components/settings/DeliveryLog";
import { ProjectSettings } from "@/components/settings/ProjectSettings";
import { GroupingRulesSettings } from "@/components/grouping/GroupingRulesSettings";
import { input } from "@/components/ui/buttonStyles";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { useMeQuery } from "@/lib/client/hooks/useMeQuery";

/** Project settings: pick a workspace and project (kept in the URL), then its ingest setup. */
export function SettingsPage() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const me = useMeQuery();
  const workspaces = me.data?.workspaces ?? [];
  const workspace = workspaces.find((w) => w.id === params.get("ws")) ?? workspaces[0];
  const project = workspace?.projects.find((p) => p.id === params.get("project")) ?? workspace?.projects[0];

  const go = (ws: string, projectId?: string) => router.replace(`${pathname}?${new URLSearchParams({ ws, ...(projectId && { project: projectId }) })}`);

  return (
    <div className="min-h-screen">
      <AppHeader me={me.data} workspace={workspace} onWorkspaceChange={(id) => go(id)} active="settings" />
      <main className="mx-auto max-w-3xl space-y-6 px-3 py-6 sm:px-6 lg:px-8">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
          <div>
            <h1 className="text-2xl font-bold text-gray-900 dark:text-gray-100">Project settings</h1>
            <p className="mt-1 text-sm text-gray-500 dark:text-gray-400">
              Ingest keys, where to send errors, and alerting ·{" "}
              <Link href={`/settings/status${workspace ? `?ws=${workspace.id}` : ""}`} className="font-medium text-blue-700 hover:underline dark:text-blue-400">
                Status
              </Link>
            </p>
          </div>
          {workspace && workspace.projects.length > 1 && project && (
            <label className="flex items-center gap-2 text-sm text-gray-600 dark:text-gray-300">
              <span>Project</span>
              <select value={project.id} onChange={(e) => go(workspace.id, e.target.value)} className={input}>
                {workspace.projects.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        {me.isLoading ? (
          <LoadingState />
        ) : me.error ? (
          <ErrorState error={me.error} onRetry={() => void me.refetch()} />
        ) : !workspace ? (
          <EmptyState title="You are not a member of any workspace yet" />
        ) : !project ? (
          <EmptyState title="This workspace has no projects yet" />
        ) : (
          <>
            <ProjectSettings key={project.id} projectId={project.id} isAdmin={workspace.role === "admin"} />
            <GroupingRulesSettings key={`rules-${project.id}`} projectId={project.id} isAdmin={workspace.role === "admin"} canPreview={workspace.role !== "viewer"} />
          </>
        )}
        {workspace && !me.isLoading && (
          <div id="alerts" key={workspace.id} className="space-y-6">
            <AlertRulesSettings workspaceId={workspace.id} isAdmin={workspace.role === "admin"} />
            <ChannelsSettings workspaceId={workspace.id} isAdmin={workspace.role === "admin"} />
            <DeliveryLog workspaceId={workspace.id} />
          </div>
        )}
      </main>
    </div>
  );
}
