import { advisoryLockKey, withAdvisoryLock } from "@/lib/db/advisoryLock";
import type { Job } from "@/lib/jobs/job";
import { recordJobRun } from "@/lib/jobRuns/recordJobRun";
import { logger } from "@/lib/logger";
import { metrics } from "@/lib/metrics/registry";
import { reportServerError } from "@/lib/observability/serverErrors";
import { errorMessage } from "@/lib/text/errorMessage";

const globalForJobs = globalThis as unknown as { faultlineJobs?: { stop: () => void; kick: (name: string) => void } };

/**
 * Asks this process's scheduler for a turn of a job now instead of at its next interval (when work
 * for it just arrived: an alert to email). Still under the job's lock, so on one instance at a time;
 * a turn already running is followed by another at once. Jobs with an interval longer than
 * LONG_JOB_POLL_MS, and processes without the scheduler, ignore it.
 */
export function requestJobTurn(name: string): void {
  globalForJobs.faultlineJobs?.kick(name);
}

/** How often a job with a longer interval checks whether it is due (see startJobs). */
export const LONG_JOB_POLL_MS = 60_000;

/**
 * The one scheduler of background work, started once per process (instrumentation.ts). Each job
 * loops on its own timer; a turn takes the job's advisory lock (lib/db/advisoryLock.ts) and is
 * skipped when another instance holds it, so with several instances each job runs on one at a time.
 * A failing run is logged and the loop goes on. Each turn is counted in faultline_job_runs_total
 * (ran / busy / failed), so operators can see that every job runs somewhere.
 *
 * A job that runs less often than LONG_JOB_POLL_MS (retention, partitions, the storage sample,
 * session cleanup: hourly) is polled at that pace instead and runs when its interval has passed
 * since its last start on any instance (JobRun; lib/jobRuns/recordJobRun.ts). Timing it from each
 * process's start meant that an app restarted more often than hourly — every deploy — never ran
 * them, and that N instances ran them N times an hour.
 */
export function startJobs(jobs: Job[]): void {
  if (globalForJobs.faultlineJobs) return;
  const timers = new Map<string, NodeJS.Timeout>();
  let stopped = false;

  const kicks = new Map<string, () => void>();

  for (const job of jobs) {
    if (job.intervalMs <= 0) continue;
    const key = advisoryLockKey(`faultline-job:${job.name}`);
    const long = job.intervalMs > LONG_JOB_POLL_MS;
    const pace = long ? LONG_JOB_POLL_MS : job.intervalMs;
    let running = false;
    let again = false;
    const turn = async () => {
      const m = metrics();
      running = true;
      try {
        // Each run that got the lock is recorded (JobRun: the status page) and counted here, while
        // the lock is still held: a turn that then finds it busy is counted after it.
        const locked = await withAdvisoryLock(key, () =>
          recordJobRun(
            job.name,
            async () => {
              await job.run(new Date());
              m.jobRuns.inc({ job: job.name, outcome: "ran" });
            },
            long ? job.intervalMs : undefined,
          ),
        );
        // Not due (a long job another instance or an earlier process ran lately) is not counted.
        if (!locked.ran) m.jobRuns.inc({ job: job.name, outcome: "busy" });
      } catch (error) {
        m.jobRuns.inc({ job: job.name, outcome: "failed" });
        logger.error("job failed", { job: job.name, error: errorMessage(error) });
        reportServerError(error, { where: `job:${job.name}` });
      }
      running = false;
      if (!stopped) timers.set(job.name, setTimeout(turn, again ? 0 : pace).unref());
      again = false;
    };
    timers.set(job.name, setTimeout(turn, pace).unref());
    // A long job's turn checks whether it is due, so asking for one early would do nothing.
    if (!long) {
      kicks.set(job.name, () => {
        if (stopped) return;
        if (running) {
          again = true;
          return;
        }
        clearTimeout(timers.get(job.name));
        timers.set(job.name, setTimeout(turn, 0).unref());
      });
    }
  }

  globalForJobs.faultlineJobs = {
    stop: () => {
      stopped = true;
      timers.forEach((timer) => clearTimeout(timer));
    },
    kick: (name) => kicks.get(name)?.(),
  };
  logger.info("background jobs started", { jobs: jobs.filter((j) => j.intervalMs > 0).map((j) => `${j.name}/${j.intervalMs}ms`).join(", ") });
}
