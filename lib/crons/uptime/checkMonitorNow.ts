import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanTriage } from "@/lib/auth/permissions";
import { findVisibleMonitor } from "@/lib/crons/findVisibleMonitor";
import { countManualCheck } from "@/lib/crons/uptime/manualCheckLimit";
import { checkMonitor } from "@/lib/crons/uptime/runUptimeChecks";
import { readUptimeCheck } from "@/lib/crons/uptime/uptimeCheckSchema";
import { ApiError } from "@/lib/http/ApiError";

/**
 * POST /api/v1/monitors/:id/check — requests an uptime monitor's URL now (members and admins), as the
 * job would: recorded as a run, with its issue raised or resolved. A cron monitor (no URL) is a 400;
 * past MANUAL_CHECKS_PER_MINUTE checks of the monitor in a minute, a 429 with Retry-After.
 */
export async function checkMonitorNow(auth: AuthContext, monitorId: string) {
  const monitor = await findVisibleMonitor(auth, monitorId);
  assertCanTriage(auth, monitor.workspaceId);
  if (monitor.url === null) throw ApiError.badRequest("only uptime monitors (with a URL) are checked by Faultline; a cron job checks in itself", { field: "id" });
  await countManualCheck(monitor.id);
  return checkMonitor({ id: monitor.id, workspaceId: monitor.workspaceId, projectId: monitor.projectId, slug: monitor.slug, environment: monitor.environment, url: monitor.url, check: readUptimeCheck(monitor.uptimeCheck), secrets: monitor.uptimeSecrets });
}
