import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister } from "@/lib/auth/permissions";
import { findVisibleMonitor } from "@/lib/crons/findVisibleMonitor";
import { withTransaction } from "@/lib/db/pool";
import { uuidv7 } from "@/lib/ids/uuidv7";

/**
 * Deletes a monitor and its runs (admins; audited). A job that still checks in creates it again,
 * without the old history: deleting is for monitors whose job is gone. Its issue stays.
 */
export async function deleteMonitor(auth: AuthContext, monitorId: string): Promise<void> {
  const monitor = await findVisibleMonitor(auth, monitorId);
  assertCanAdminister(auth, monitor.workspaceId);
  const actorId = auth.kind === "user" ? auth.userId : null;
  await withTransaction(async (client) => {
    await client.query(`DELETE FROM "CronMonitor" WHERE id = $1`, [monitor.id]);
    await client.query(
      `INSERT INTO "AuditLog" (id, "workspaceId", "actorId", "actorType", action, "targetType", "targetId", before, after)
       VALUES ($1, $2, $3, 'user', 'monitor.deleted', 'monitor', $4, $5, NULL)`,
      [uuidv7(), monitor.workspaceId, actorId, monitor.id, JSON.stringify({ slug: monitor.slug, environment: monitor.environment, projectId: monitor.projectId })],
    );
  });
}
