"use client";

import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { MonitorRow } from "@/components/crons/MonitorRow";
import { WorkspaceShell } from "@/components/settings/WorkspaceShell";
import { Card } from "@/components/ui/Card";
import { ProjectFilter } from "@/components/ui/ProjectFilter";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { useDeleteMonitorMutation, useMonitorsQuery } from "@/lib/client/hooks/useMonitorsQuery";
import type { Me } from "@/lib/workspaces/getMe";

/** /crons — cron monitors (Sentry Crons check-ins): failing first, each with its schedule and latest runs. */
export function CronsPage() {
  return (
    <WorkspaceShell active="crons" title="Cron monitors" subtitle="Scheduled jobs that check in: missed, failed and timed-out runs become issues" width="wide">
      {({ workspace }) => <MonitorList key={workspace.id} workspace={workspace} />}
    </WorkspaceShell>
  );
}

function MonitorList({ workspace }: { workspace: Me["workspaces"][number] }) {
  const [projectId, setProjectId] = useState("");
  // ?monitor=<id> (the failure issue's link): that monitor opens with its history, scrolled into view.
  const focused = useSearchParams().get("monitor");
  const monitors = useMonitorsQuery(workspace.id, projectId || undefined);
  const remove = useDeleteMonitorMutation(workspace.id);
  const project = workspace.projects.find((p) => p.id === projectId) ?? workspace.projects[0];

  return (
    <Card
      title="Monitors"
      titleId="monitors-title"
      actions={<ProjectFilter projects={workspace.projects} value={projectId} onChange={setProjectId} />}
    >
      {monitors.isLoading ? (
        <LoadingState />
      ) : monitors.error || !monitors.data ? (
        <ErrorState error={monitors.error ?? new Error("no data")} onRetry={() => void monitors.refetch()} />
      ) : monitors.data.items.length === 0 ? (
        <EmptyState title="No cron monitors yet">
          A monitor appears with its first check-in: <code>Sentry.withMonitor(&quot;nightly-report&quot;, job, {"{"} schedule: {"{"} type: &quot;crontab&quot;, value: &quot;0 3 * * *&quot; {"}"} {"}"})</code>{" "}
          in any Sentry SDK, or from a crontab:{" "}
          <code>
            curl &quot;{typeof window === "undefined" ? "" : window.location.origin}/api/{project?.publicId ?? "<project id>"}/cron/nightly-report/&lt;key&gt;/?status=ok&quot;
          </code>
        </EmptyState>
      ) : (
        <ol className="divide-y divide-gray-200 dark:divide-gray-800" aria-label="Cron monitors">
          {monitors.data.items.map((monitor) => (
            <MonitorRow
              key={monitor.id}
              monitor={monitor}
              focused={monitor.id === focused}
              workspaceId={workspace.id}
              showProject={workspace.projects.length > 1}
              canEdit={workspace.role !== "viewer"}
              isAdmin={workspace.role === "admin"}
              deleting={remove.isPending}
              onDelete={() => remove.mutate(monitor.id)}
            />
          ))}
        </ol>
      )}
    </Card>
  );
}
