import type { NextErrorContext, NextRequestInfo } from "@faultline/client/next";

/**
 * Next.js calls register() once when a server instance starts (not during `next build`), in the
 * Node.js runtime: it checks the secret key, seals channel and forwarding-rule secrets still stored in plain or under a
 * rotated-out key, starts the spool replayer (events spooled during a database outage, or left by a
 * crashed instance), takes over SIGTERM/SIGINT for a graceful shutdown, and starts the background
 * jobs (lib/jobs: alert sweep, notification retries, forwarding, session cleanup, …). They
 * coordinate through PostgreSQL advisory locks, so running several instances is safe. With
 * FAULTLINE_SELF_DSN set, the instance also reports its own errors (dogfooding).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { logger } = await import("@/lib/logger");
  const { keyring } = await import("@/lib/security/keyring");
  try {
    keyring();
  } catch (error) {
    logger.fatal("cannot start", { error });
    logger.flush();
    process.exit(1);
  }
  const { startSpoolReplayer } = await import("@/lib/intake/spoolReplayer");
  try {
    startSpoolReplayer();
  } catch (error) {
    // Without a writable spool an accepted event could be lost in a database outage: refuse to
    // serve rather than answer every request 500 (the start scripts check this with a sentence).
    const { spoolDir } = await import("@/lib/spool/spoolRuntime");
    logger.fatal("cannot start: the spool directory is not usable (set FAULTLINE_SPOOL_DIR to a writable folder)", { dir: spoolDir(), error });
    logger.flush();
    process.exit(1);
  }
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

/** Errors Next.js caught while rendering or handling a request, reported when self-reporting is on. */
export async function onRequestError(error: unknown, request: NextRequestInfo, context: NextErrorContext): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.FAULTLINE_SELF_DSN) return;
  const { reportRequestError } = await import("@/lib/selfReport/startSelfReporting");
  await reportRequestError(error, request, context);
}
