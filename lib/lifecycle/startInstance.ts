import { errorMessage } from "@/lib/text/errorMessage";

/**
 * What a server instance does once as it starts (instrumentation.ts, Node.js runtime only): checks
 * the configuration and the secret key (and that the database's sealed secrets name it), starts the
 * spool replayer (events spooled during a database outage, or left by a crashed instance), answers
 * pages that failed for an unavailable database 503 (lib/lifecycle/unavailablePageStatus.ts), takes
 * over SIGTERM/SIGINT for a graceful shutdown, seals
 * channel and forwarding-rule secrets still stored in plain or under a rotated-out key, starts
 * self-reporting when FAULTLINE_SELF_DSN is set, and starts the background jobs (lib/jobs: alert
 * sweep, notification retries, forwarding, session cleanup, …), which coordinate through PostgreSQL
 * advisory locks, so running several instances is safe.
 *
 * A bad setting, a missing key or an unusable spool stops the process with one sentence on stderr
 * (`Faultline failed to start: …`, as the start scripts word theirs) and exit code 1. Next.js would
 * otherwise log the failure and serve every request with a 500, holding the port; serving without
 * them could lose or leak what clients send. Modules are imported inside the check because
 * importing some of them already reads the configuration.
 */
export async function startInstance(): Promise<void> {
  try {
    const { env } = await import("@/lib/env");
    env();
    const { keyring } = await import("@/lib/security/keyring");
    keyring();
  } catch (error) {
    stop(errorMessage(error));
  }
  // A database restored with another key file (or a changed key) would start and fail silently
  // wherever a secret is opened: refuse it with a sentence instead.
  const { checkSealedKeys } = await import("@/lib/security/checkSealedKeys");
  const mismatch = await checkSealedKeys();
  if (mismatch) stop(mismatch);
  const { startSpoolReplayer } = await import("@/lib/intake/spoolReplayer");
  try {
    startSpoolReplayer();
  } catch (error) {
    // Without a writable spool an accepted event could be lost in a database outage.
    const { spoolDir } = await import("@/lib/spool/spoolRuntime");
    stop(`the spool folder ${spoolDir()} is not usable (${errorMessage(error)}): set FAULTLINE_SPOOL_DIR to a writable folder`);
  }
  const { logger } = await import("@/lib/logger");
  const { answerUnavailablePages503 } = await import("@/lib/lifecycle/unavailablePageStatus");
  answerUnavailablePages503();
  const { installShutdownHandlers } = await import("@/lib/lifecycle/gracefulShutdown");
  installShutdownHandlers();
  const { resealAllSecrets } = await import("@/lib/security/resealAllSecrets");
  resealAllSecrets().catch((error) => logger.error("sealing stored secrets failed", { error }));
  const { startSelfReporting } = await import("@/lib/selfReport/startSelfReporting");
  startSelfReporting();
  const { startJobs } = await import("@/lib/jobs/startJobs");
  const { jobList } = await import("@/lib/jobs/jobList");
  startJobs(jobList);
}

/** Not through the logger: it may be what the configuration broke. */
function stop(sentence: string): never {
  process.stderr.write(`Faultline failed to start: ${sentence}\n`);
  process.exit(1);
}
