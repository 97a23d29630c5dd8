import { query } from "@/e2e/support/dbCounts";

/**
 * Deletes a test workspace's uptime monitors, so the uptime-checks job stops requesting their URLs
 * once the file's local servers are closed: a later check would fail, raising an issue event while
 * another file counts whole tables (the `@serial-db` files).
 */
export async function stopUptimeMonitors(workspaceId: string): Promise<void> {
  await query(`DELETE FROM "CronMonitor" WHERE "workspaceId" = $1 AND url IS NOT NULL`, [workspaceId]);
}
