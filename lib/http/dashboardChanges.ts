/**
 * Successful changes made through the dashboard API on this instance (every non-read request that
 * handle() answered below 400: triage, settings, rules…; ingest has its own path and notes its
 * workspace in lib/db/localWrites). Caches of derived views compare this count with the one they
 * saw. Kept on globalThis: Next.js may load a module once per route bundle.
 */
const holder = globalThis as unknown as { faultlineDashboardChanges?: { count: number } };

function counter(): { count: number } {
  holder.faultlineDashboardChanges ??= { count: 0 };
  return holder.faultlineDashboardChanges;
}

export function noteDashboardChange(): void {
  counter().count++;
}

export function dashboardChanges(): number {
  return counter().count;
}
