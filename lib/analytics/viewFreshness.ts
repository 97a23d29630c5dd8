import { lastWriteTo as lastLocalWriteTo, noteWrite } from "@/lib/db/localWrites";
import { dashboardChanges } from "@/lib/http/dashboardChanges";

const holder = globalThis as unknown as { faultlineDashboardChangesSeen?: { count: number } };

/**
 * The write positions the view caches compare (see ViewCache): this instance's ingest writes per
 * workspace (lib/db/localWrites) and, folded in as a write to every workspace, the changes made
 * through the dashboard API since last looked (lib/http/dashboardChanges).
 */
export function lastWriteTo(workspaceId: string): number {
  const seen = (holder.faultlineDashboardChangesSeen ??= { count: 0 });
  const changes = dashboardChanges();
  if (changes !== seen.count) {
    seen.count = changes;
    noteWrite();
  }
  return lastLocalWriteTo(workspaceId);
}
