"use client";

import { WorkspaceShell } from "@/components/settings/WorkspaceShell";
import { DatabaseStatus } from "@/components/status/DatabaseStatus";
import { InstanceStatus } from "@/components/status/InstanceStatus";
import { JobRuns } from "@/components/status/JobRuns";
import { ProjectIngest } from "@/components/status/ProjectIngest";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { useIngestHealthQuery } from "@/lib/client/hooks/useIngestHealthQuery";

/** Settings → Status: what happens to the events each project sends, storage, disk and jobs. */
export function IngestStatusPage() {
  return (
    <WorkspaceShell active="settings" title="Status" subtitle="Ingest, storage and background jobs, refreshed every 15 seconds" settingsTabs>
      {({ workspace }) => <WorkspaceStatus key={workspace.id} workspaceId={workspace.id} />}
    </WorkspaceShell>
  );
}

function WorkspaceStatus({ workspaceId }: { workspaceId: string }) {
  const health = useIngestHealthQuery(workspaceId);
  if (health.isLoading) return <LoadingState label="Loading status…" />;
  if (!health.data) return <ErrorState error={health.error ?? new Error("status unavailable")} onRetry={() => void health.refetch()} />;
  const { data } = health;
  return (
    <>
      <ProjectIngest projects={data.projects} />
      {data.database ? (
        <>
          <DatabaseStatus database={data.database} projects={data.projects} />
          <JobRuns jobs={data.database.jobs} />
          {data.instance && <InstanceStatus instance={data.instance} />}
        </>
      ) : (
        <p className="text-sm text-gray-500 dark:text-gray-400">Database size, disk forecast and background jobs are shown to workspace admins.</p>
      )}
    </>
  );
}
