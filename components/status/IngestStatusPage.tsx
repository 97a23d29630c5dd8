"use client";

import { WorkspaceShell } from "@/components/settings/WorkspaceShell";
import { DatabaseStatus } from "@/components/status/DatabaseStatus";
import { InstanceStatus } from "@/components/status/InstanceStatus";
import { JobRuns } from "@/components/status/JobRuns";
import { ProjectIngest } from "@/components/status/ProjectIngest";
import { ProjectStorage } from "@/components/status/ProjectStorage";
import { Card } from "@/components/ui/Card";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { useIngestHealthQuery } from "@/lib/client/hooks/useIngestHealthQuery";

/**
 * Settings → Status: what happens to the events each project sends and their storage (every member);
 * the whole database, disk, jobs and this instance (the instance operator only).
 */
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
        </>
      ) : (
        <Card title="Storage" titleId="storage-title">
          <ProjectStorage projects={data.projects} />
        </Card>
      )}
      {data.instance && <InstanceStatus instance={data.instance} />}
      {(!data.database || !data.instance) && (
        <p data-testid="operator-only" className="text-sm text-gray-500 dark:text-gray-400">
          The whole database (every workspace&apos;s tables), disk forecast, background jobs and this instance&apos;s spool are visible to the instance operator.
        </p>
      )}
    </>
  );
}
