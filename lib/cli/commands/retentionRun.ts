import type { CliCommand } from "@/lib/cli/cliCommand";
import { CliError, EXIT } from "@/lib/cli/CliError";
import { advisoryLockKey, withAdvisoryLock } from "@/lib/db/advisoryLock";
import { RETENTION_JOB, runRetention } from "@/lib/lifecycle/runRetention";

export const retentionRun: CliCommand = {
  name: "retention:run",
  summary: "run the retention job once now (under its lock, so never beside a running one); prints what it dropped",
  flags: {},
  async run() {
    // The same lock the background job takes (lib/jobs/startJobs.ts), so the two never overlap.
    const outcome = await withAdvisoryLock(advisoryLockKey(`faultline-job:${RETENTION_JOB}`), () => runRetention(new Date()));
    if (!outcome.ran) throw new CliError(EXIT.conflict, "the retention job is running on an app instance right now: try again when it is done");
    const run = outcome.result;
    const deleted = Object.entries(run.deleted).filter(([, n]) => n > 0);
    return {
      lines: [
        `Retention ran at ${run.now}.`,
        run.droppedPartitions.length ? `  Dropped partitions: ${run.droppedPartitions.join(", ")}` : "  Dropped partitions: none",
        deleted.length ? `  Deleted rows: ${deleted.map(([table, n]) => `${table} ${n}`).join(", ")}` : "  Deleted rows: none",
      ],
      data: { ...run },
    };
  },
};
