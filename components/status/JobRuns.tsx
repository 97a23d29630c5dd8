import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { formatSeconds } from "@/lib/client/format";
import type { IngestHealth } from "@/lib/ingestHealth/ingestHealthSchema";
import { RelativeTime } from "@/components/ui/RelativeTime";

type Job = NonNullable<IngestHealth["database"]>["jobs"][number];

const STATUS: Record<Job["lastStatus"], string> = {
  ok: "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-300",
  running: "bg-blue-100 text-blue-800 dark:bg-blue-950 dark:text-blue-300",
  failed: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
};

/** Background jobs (any instance): when each last ran, how long it took, and its last error. */
export function JobRuns({ jobs }: { jobs: Job[] }) {
  return (
    <Card title="Background jobs" titleId="jobs-title" bodyClassName="px-4 py-2 sm:px-6">
      {jobs.length === 0 ? (
        <EmptyState title="No job has run yet" className="py-6">
          Jobs (retention, partitions, storage samples, alert sweeps) record each run here.
        </EmptyState>
      ) : (
        <ul data-testid="job-runs" className="divide-y divide-gray-100 dark:divide-gray-800">
          {jobs.map((job) => (
            <li key={job.name} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
              <span className="font-mono text-gray-900 dark:text-gray-100">{job.name}</span>
              <Badge className={STATUS[job.lastStatus]}>{job.lastStatus}</Badge>
              <span className="text-xs text-gray-500 dark:text-gray-400">
                started{" "}
                <RelativeTime iso={job.lastStartedAt} />
                {job.lastDurationMs !== null && ` · took ${formatSeconds(job.lastDurationMs / 1000)}`}
                {` · ${job.runs} runs${job.failures ? `, ${job.failures} failed` : ""}`}
              </span>
              {job.lastError && <p className="w-full font-mono text-xs text-red-700 dark:text-red-400">Last error: {job.lastError}</p>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
