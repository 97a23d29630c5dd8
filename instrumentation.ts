import type { NextErrorContext, NextRequestInfo } from "@faultline/client/next";

/**
 * Next.js calls register() once when a server instance starts: it starts the background jobs
 * (lib/jobs: alert sweep, notification retries, forwarding, …) in the Node.js runtime. They coordinate
 * through PostgreSQL advisory locks, so running several instances is safe. Not during `next build`.
 * With FAULTLINE_SELF_DSN set, the instance also reports its own errors (dogfooding).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
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
