import { keyring } from "@/lib/security/keyring";
import { logger } from "@/lib/logger";
import { startSpoolReplayer } from "@/lib/intake/spoolReplayer";
import { spoolDir } from "@/lib/spool/spoolRuntime";
import { installShutdownHandlers } from "@/lib/lifecycle/gracefulShutdown";
import { resealAllSecrets } from "@/lib/security/resealAllSecrets";
import { startSelfReporting } from "@/lib/selfReport/startSelfReporting";
import { startJobs } from "@/lib/jobs/startJobs";
import { jobList } from "@/lib/jobs/jobList";

/**
 * What a server instance does once as it starts (instrumentation.ts, Node.js runtime only): checks
 * the secret key, starts the spool replayer (events spooled during a database outage, or left by a
 * crashed instance), takes over SIGTERM/SIGINT for a graceful shutdown, seals channel and
 * forwarding-rule secrets still stored in plain or under a rotated-out key, starts self-reporting
 * when FAULTLINE_SELF_DSN is set, and starts the background jobs (lib/jobs: alert sweep,
 * notification retries, forwarding, session cleanup, …), which coordinate through PostgreSQL
 * advisory locks, so running several instances is safe. A missing key or an unusable spool stops
 * the process: serving without them could lose or leak what clients send.
 */
export function startInstance(): void {
  try {
    keyring();
  } catch (error) {
    stop("cannot start", { error });
  }
  try {
    startSpoolReplayer();
  } catch (error) {
    // Without a writable spool an accepted event could be lost in a database outage: refuse to
    // serve rather than answer every request 500 (the start scripts check this with a sentence).
    stop("cannot start: the spool directory is not usable (set FAULTLINE_SPOOL_DIR to a writable folder)", { dir: spoolDir(), error });
  }
  installShutdownHandlers();
  resealAllSecrets().catch((error) => logger.error("sealing stored secrets failed", { error }));
  startSelfReporting();
  startJobs(jobList);
}

function stop(message: string, fields: Record<string, unknown>): never {
  logger.fatal(message, fields);
  logger.flush();
  process.exit(1);
}
