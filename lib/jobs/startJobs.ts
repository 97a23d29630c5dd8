import { advisoryLockKey, withAdvisoryLock } from "@/lib/db/advisoryLock";
import type { Job } from "@/lib/jobs/job";
import { recordJobRun } from "@/lib/jobRuns/recordJobRun";
import { logger } from "@/lib/logger";

const globalForJobs = globalThis as unknown as { faultlineJobs?: { stop: () => void } };

/**
 * The one scheduler of background work, started once per process (instrumentation.ts). Each job
 * loops on its own timer; a turn takes the job's advisory lock (lib/db/advisoryLock.ts) and is
 * skipped when another instance holds it, so with several instances each job runs on one at a time.
 * A failing run is logged and the loop goes on.
 */
export function startJobs(jobs: Job[]): void {
  if (globalForJobs.faultlineJobs) return;
  const timers = new Map<string, NodeJS.Timeout>();
  let stopped = false;

  for (const job of jobs) {
    if (job.intervalMs <= 0) continue;
    const key = advisoryLockKey(`faultline-job:${job.name}`);
    const turn = async () => {
      try {
        // Each run that got the lock is recorded (JobRun: the status page, Prometheus).
        await withAdvisoryLock(key, () => recordJobRun(job.name, () => job.run(new Date())));
      } catch (error) {
        logger.error("job failed", { job: job.name, error: error instanceof Error ? error.message : String(error) });
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
