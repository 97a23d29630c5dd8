/**
 * Next.js calls register() once when a server instance starts. The alert workers (background rule
 * evaluation, escalation, notification retries) run in the Node.js runtime of every instance; they
 * coordinate through the database, so running several instances is safe. Not during `next build`.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startAlertWorkers } = await import("@/lib/alerts/worker/startAlertWorkers");
  startAlertWorkers();
}
