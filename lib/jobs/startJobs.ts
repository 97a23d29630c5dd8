import { advisoryLockKey, withAdvisoryLock } from "@/lib/db/advisoryLock";
import type { Job } from "@/lib/jobs/job";
import { recordJobRun } from "@/lib/jobRuns/recordJobRun";
import { logger } from "@/lib/logger";
import { metrics } from "@/lib/metrics/registry";
import { reportServerError } from "@/lib/observability/serverErrors";
import { errorMessage } from "@/lib/text/errorMessage";

const globalForJobs = globalThis as unknown as { faultlineJobs?: { stop: () => void } };

/**
 * The one scheduler of background work, started once per process (instrumentation.ts). Each job
 * loops on its own timer; a turn takes the job's advisory lock (lib/db/advisoryLock.ts) and is
 * skipped when another instance holds it, so with several instances each job runs on one at a time.
 * A failing run is logged and the loop goes on. Each turn is counted in faultline_job_runs_total
 * (ran / busy / failed), so operators can see that every job runs somewhere.
 */
export function startJobs(jobs: Job[]): void {
  if (globalForJobs.faultlineJobs) return;
  const timers = new Map<string, NodeJS.Timeout>();
  let stopped = false;

  for (const job of jobs) {
    if (job.intervalMs <= 0) continue;
    const key = advisoryLockKey(`faultline-job:${job.name}`);
    const turn = async () => {
      const m = metrics();
      try {
        // Each run that got the lock is recorded (JobRun: the status page) and counted here, while
        // the lock is still held: a turn that then finds it busy is counted after it.
        const { ran } = await withAdvisoryLock(key, () =>
          recordJobRun(job.name, async () => {
            await job.run(new Date());
            m.jobRuns.inc({ job: job.name, outcome: "ran" });
          }),
        );
        if (!ran) m.jobRuns.inc({ job: job.name, outcome: "busy" });
      } catch (error) {
        m.jobRuns.inc({ job: job.name, outcome: "failed" });
        logger.error("job failed", { job: job.name, error: errorMessage(error) });
        reportServerError(error, { where: `job:${job.name}` });
      }
      if (!stopped) timers.set(job.name, setTimeout(turn, job.intervalMs).unref());
    };
    timers.set(job.name, setTimeout(turn, job.intervalMs).unref());
  }

  globalForJobs.faultlineJobs = {
    stop: () => {
      stopped = true;
      timers.forEach((timer) => clearTimeout(timer));
    },
  };
  logger.info("background jobs started", { jobs: jobs.filter((j) => j.intervalMs > 0).map((j) => `${j.name}/${j.intervalMs}ms`).join(", ") });
}
