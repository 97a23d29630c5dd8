/**
 * Next.js calls register() once when a server instance starts: it starts the background jobs
 * (lib/jobs: alert sweep, notification retries, …) in the Node.js runtime. They coordinate through
 * PostgreSQL advisory locks, so running several instances is safe. Not during `next build`.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startJobs } = await import("@/lib/jobs/startJobs");
  const { jobList } = await import("@/lib/jobs/jobList");
  startJobs(jobList);
}
