"use client";

import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { MonitorRow } from "@/components/crons/MonitorRow";
import { NewUptimeMonitorDialog } from "@/components/crons/NewUptimeMonitorDialog";
import { WorkspaceShell } from "@/components/settings/WorkspaceShell";
import { button } from "@/components/ui/buttonStyles";
import { Card } from "@/components/ui/Card";
import { CommandBlock } from "@/components/ui/CommandBlock";
import { ProjectFilter } from "@/components/ui/ProjectFilter";
import { useProjectParam } from "@/lib/client/useProjectParam";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { useToast } from "@/components/ui/Toast";
import { useCheckMonitorMutation, useDeleteMonitorMutation, useMonitorsQuery } from "@/lib/client/hooks/useMonitorsQuery";
import type { Me } from "@/lib/workspaces/getMe";

/** /crons — cron monitors (Sentry Crons check-ins) and uptime monitors: failing first, each with its schedule and latest runs. */
export function CronsPage() {
  return (
    <WorkspaceShell
      active="crons"
      title="Cron and uptime monitors"
      subtitle="Scheduled jobs that check in, and URLs Faultline requests: missed, failed and timed-out runs and failed checks become issues"
      width="wide"
    >
      {({ workspace }) => <MonitorList key={workspace.id} workspace={workspace} />}
    </WorkspaceShell>
  );
}

function MonitorList({ workspace }: { workspace: Me["workspaces"][number] }) {
  const [projectId, setProjectId] = useProjectParam(workspace.projects);
  // ?monitor=<id> (the failure issue's link): that monitor opens with its history, scrolled into view.
  const focused = useSearchParams().get("monitor");
  const monitors = useMonitorsQuery(workspace.id, projectId || undefined);
  const remove = useDeleteMonitorMutation(workspace.id);
  const check = useCheckMonitorMutation(workspace.id);
  const { showToast } = useToast();
  const [adding, setAdding] = useState(false);
  const project = workspace.projects.find((p) => p.id === projectId) ?? workspace.projects[0];

  return (
    <Card
      title="Monitors"
      titleId="monitors-title"
      actions={
        <div className="flex flex-wrap items-center gap-2">
          <ProjectFilter projects={workspace.projects} value={projectId} onChange={setProjectId} />
          {workspace.role === "admin" && (
            <button type="button" className={button.secondary} onClick={() => setAdding(true)}>
              New uptime monitor
            </button>
          )}
        </div>
      }
    >
      {adding && <NewUptimeMonitorDialog workspace={workspace} open onClose={() => setAdding(false)} />}
      {monitors.isLoading ? (
        <LoadingState />
      ) : monitors.error || !monitors.data ? (
        <ErrorState error={monitors.error ?? new Error("no data")} onRetry={() => void monitors.refetch()} />
      ) : monitors.data.items.length === 0 ? (
        <EmptyState title="No monitors yet">
          <p>
            {workspace.role === "admin" && <>Add an uptime monitor for a URL (New uptime monitor), or let a job check in. </>}A cron monitor appears with its first check-in:{" "}
            <code className="break-words">Sentry.withMonitor(&quot;nightly-report&quot;, job, {"{"} schedule: {"{"} type: &quot;crontab&quot;, value: &quot;0 3 * * *&quot; {"}"} {"}"})</code> in any Sentry SDK, or
            from a crontab:
          </p>
          {/* One unbreakable line: it scrolls inside its box instead of widening the page. */}
          <div className="mx-auto mt-2 max-w-2xl text-left">
            <CommandBlock
              command={`curl "${typeof window === "undefined" ? "" : window.location.origin}/api/${project?.publicId ?? "<project id>"}/cron/nightly-report/<key>/?status=ok"`}
              testId="cron-checkin-command"
            />
          </div>
        </EmptyState>
      ) : (
        <ol className="divide-y divide-gray-200 dark:divide-gray-800" aria-label="Monitors">
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
              onCheck={{
                pending: check.isPending && check.variables === monitor.id,
                run: () =>
                  check.mutate(monitor.id, {
                    onSuccess: (result) => showToast(`${monitor.slug}: ${result.ok ? "up" : "down"} — ${result.detail} in ${result.durationMs} ms`, result.ok ? "success" : "error"),
                    onError: (e) => showToast(`Check of ${monitor.slug} failed: ${e.message}`),
                  }),
              }}
            />
          ))}
        </ol>
      )}
    </Card>
  );
}
