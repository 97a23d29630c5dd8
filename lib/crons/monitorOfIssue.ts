import { MONITOR_FAILURE_TYPE } from "@/lib/crons/monitorFailure";
import { pool } from "@/lib/db/pool";

/**
 * The cron monitor whose failures an issue holds, for the issue page's link to its runs; null for
 * every other issue (looked up only for monitor-failure issues, within the issue's project).
 */
export async function monitorOfIssue(group: { id: string; projectId: string; type: string }): Promise<{ id: string; slug: string; environment: string; status: string; uptime: boolean } | null> {
  if (group.type !== MONITOR_FAILURE_TYPE) return null;
  const { rows } = await pool().query<{ id: string; slug: string; environment: string; status: string; uptime: boolean }>(
    `SELECT id, slug, environment, status, url IS NOT NULL AS uptime FROM "CronMonitor" WHERE "projectId" = $1 AND "groupId" = $2 LIMIT 1`,
    [group.projectId, group.id],
  );
  return rows[0] ?? null;
}
