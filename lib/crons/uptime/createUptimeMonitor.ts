import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister, assertUser } from "@/lib/auth/permissions";
import { findVisibleMonitor } from "@/lib/crons/findVisibleMonitor";
import { toMonitorDto } from "@/lib/crons/monitorDto";
import { MAX_MONITORS_PER_PROJECT } from "@/lib/crons/recordCheckIns";
import { maskMonitorUrl } from "@/lib/crons/uptime/maskMonitorUrl";
import { sealedUptimeSecretsJson } from "@/lib/crons/uptime/uptimeSecrets";
import type { CreateUptimeMonitorInput } from "@/lib/crons/uptime/uptimeSchemas";
import { withTransaction } from "@/lib/db/pool";
import { ApiError } from "@/lib/http/ApiError";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { assertOutboundUrls } from "@/lib/outbound/assertOutboundUrls";

/**
 * Creates an uptime monitor in a project of the workspace (admins; audited): a cron monitor with a
 * URL and an interval schedule, due at once — the uptime-checks job requests it within seconds. The
 * same slug and environment in the project is a 409.
 */
export async function createUptimeMonitor(auth: AuthContext, workspaceId: string, input: CreateUptimeMonitorInput, now = new Date()) {
  assertUser(auth);
  assertCanAdminister(auth, workspaceId);
  assertOutboundUrls([{ path: "url", url: input.url }]);
  const id = uuidv7(now.getTime());
  await withTransaction(async (client) => {
    const { rows: projects } = await client.query<{ n: number }>(
      `SELECT (SELECT count(*)::int FROM "CronMonitor" WHERE "projectId" = p.id) AS n FROM "Project" p WHERE p.id = $1 AND p."workspaceId" = $2`,
      [input.projectId, workspaceId],
    );
    if (projects.length === 0) throw ApiError.validation("invalid projectId", [{ path: "projectId", message: "no such project in this workspace" }]);
    if (projects[0].n >= MAX_MONITORS_PER_PROJECT) throw ApiError.badRequest(`the project already has ${MAX_MONITORS_PER_PROJECT} monitors`, { field: "projectId" });
    const { rowCount } = await client.query(
      `INSERT INTO "CronMonitor" (id, "workspaceId", "projectId", slug, environment, url, "scheduleType", "scheduleValue", "scheduleUnit", timezone,
         "checkinMargin", "maxRuntime", "failureIssueThreshold", "recoveryThreshold", "nextExpectedAt", "missedAt", "createdAt", "updatedAt", "uptimeCheck", "uptimeSecrets")
       VALUES ($1, $2, $3, $4, $5, $6, 'interval', $7, 'minute', 'UTC', 1, 1, $8, $9, $10, $11, $10, $10, $12, $13)
       ON CONFLICT ("projectId", slug, environment) DO NOTHING`,
      [id, workspaceId, input.projectId, input.slug, input.environment, input.url, String(input.intervalMinutes), input.failureIssueThreshold, input.recoveryThreshold, now, new Date(now.getTime() + 60_000), JSON.stringify(input.check), sealedUptimeSecretsJson(id, input.headers)],
    );
    if (rowCount === 0) throw new ApiError(409, "monitor_exists", `a monitor ${input.slug} (${input.environment}) already exists in this project`, { field: "slug" });
    await client.query(
      `INSERT INTO "AuditLog" (id, "workspaceId", "actorId", "actorType", action, "targetType", "targetId", before, after)
       VALUES ($1, $2, $3, 'user', 'monitor.created', 'monitor', $4, NULL, $5)`,
      [uuidv7(), workspaceId, auth.userId, id, JSON.stringify({ slug: input.slug, environment: input.environment, projectId: input.projectId, url: maskMonitorUrl(input.url), intervalMinutes: input.intervalMinutes, check: input.check, headers: Object.keys(input.headers) })],
    );
  });
  return toMonitorDto(await findVisibleMonitor(auth, id));
}
