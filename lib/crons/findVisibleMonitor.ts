import type { AuthContext } from "@/lib/auth/AuthContext";
import { visibleItem } from "@/lib/auth/permissions";
import { MONITOR_LIST_COLUMNS, type MonitorListRow } from "@/lib/crons/monitorDto";
import { pool } from "@/lib/db/pool";
import { ApiError } from "@/lib/http/ApiError";
import { isUuid } from "@/lib/ids/uuidv7";

/** The monitor if the caller may see it (with its workspace); 404 otherwise (others' monitors are not revealed); 403 two_factor_required in a workspace of theirs that keeps them out (visibleItem). */
export async function findVisibleMonitor(auth: AuthContext, monitorId: string): Promise<MonitorListRow & { workspaceId: string }> {
  if (!isUuid(monitorId)) throw ApiError.notFound("monitor not found");
  const { rows } = await pool().query<MonitorListRow & { workspaceId: string }>(
    `SELECT ${MONITOR_LIST_COLUMNS}, m."workspaceId" FROM "CronMonitor" m JOIN "Project" p ON p.id = m."projectId" WHERE m.id = $1`,
    [monitorId],
  );
  const monitor = visibleItem(auth, rows[0], () => ApiError.notFound("monitor not found"));
  if (auth.kind === "ingestKey" && monitor.projectId !== auth.projectId) throw ApiError.notFound("monitor not found");
  return monitor;
}
