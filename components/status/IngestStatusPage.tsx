"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { AppHeader } from "@/components/dashboard/AppHeader";
import { DatabaseStatus } from "@/components/status/DatabaseStatus";
import { JobRuns } from "@/components/status/JobRuns";
import { ProjectIngest } from "@/components/status/ProjectIngest";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { useIngestHealthQuery } from "@/lib/client/hooks/useIngestHealthQuery";
import { useMeQuery } from "@/lib/client/hooks/useMeQuery";

/** Settings → Status: what happens to the events each project sends, storage, disk and jobs. */
export function IngestStatusPage() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const me = useMeQuery();
  const workspaces = me.data?.workspaces ?? [];
  const workspace = workspaces.find((w) => w.id === params.get("ws")) ?? workspaces[0];

  return (
    <div className="min-h-screen">
      <AppHeader me={me.data} workspace={workspace} onWorkspaceChange={(id) => router.replace(`${pathname}?ws=${id}`)} active="settings" />
      <main className="mx-auto max-w-5xl space-y-6 px-3 py-6 sm:px-6 lg:px-8">
        <div>
          <p className="text-sm text-gray-500 dark:text-gray-400">
            <Link href={`/settings${workspace ? `?ws=${workspace.id}` : ""}`} className="hover:underline">
              Settings
            </Link>{" "}
            / Status
          </p>
          <h1 className="text-2xl font-bold text-gray-900 dark:text-gray-100">Status</h1>
          <p className="mt-1 text-sm text-gray-500 dark:text-gray-400">Ingest, storage and background jobs, refreshed every 15 seconds</p>
        </div>
        {me.isLoading ? (
          <LoadingState />
        ) : me.error ? (
          <ErrorState error={me.error} onRetry={() => void me.refetch()} />
        ) : !workspace ? (
          <EmptyState title="You are not a member of any workspace yet" />
        ) : (
          <WorkspaceStatus key={workspace.id} workspaceId={workspace.id} />
        )}
      </main>
    </div>
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
        <p className="text-sm text-gray-500 dark:text-gray-400">Database size, disk forecast and background jobs are shown to workspace admins.</p>
      )}
    </>
  );
}
