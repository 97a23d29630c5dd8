import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister, assertCanTriage, canAdminister } from "@/lib/auth/permissions";
import { findVisibleMonitor } from "@/lib/crons/findVisibleMonitor";
import type { UpdateMonitorInput } from "@/lib/crons/monitorConfig";
import { toMonitorDto } from "@/lib/crons/monitorDto";
import { MONITOR_COLUMNS, scheduleColumns, scheduleOf, type MonitorRow } from "@/lib/crons/monitorRow";
import { nextExpectedAt } from "@/lib/crons/monitorSchedule";
import { assertSecretsStayWithDestination } from "@/lib/alerts/channels/secretsStayWithDestination";
import { maskMonitorUrl, restoreMaskedUrl } from "@/lib/crons/uptime/maskMonitorUrl";
import { ADMIN_CHECK_FIELDS, readUptimeCheck } from "@/lib/crons/uptime/uptimeCheckSchema";
import { mergeUptimeHeaders, readUptimeHeaders, sealedUptimeSecretsJson } from "@/lib/crons/uptime/uptimeSecrets";
import { withTransaction } from "@/lib/db/pool";
import { ApiError } from "@/lib/http/ApiError";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { assertOutboundUrls } from "@/lib/outbound/assertOutboundUrls";

/**
 * Changes a monitor's schedule, thresholds or mute (members and admins; audited with before and
 * after). A new schedule, zone or margin moves the next due time to the schedule's next tick from
 * now, so a monitor set up by hand is watched from the moment it has a schedule. An uptime monitor's
 * URL, headers and the check's method, body, keyword and TLS leniency are changed by admins only
 * (403 naming the field), and it keeps a schedule (it is requested on it).
 */
export async function updateMonitor(auth: AuthContext, monitorId: string, input: UpdateMonitorInput, now = new Date()) {
  const found = await findVisibleMonitor(auth, monitorId);
  assertCanTriage(auth, found.workspaceId);
  // A URL sent back from the edit form carries the masks it was shown: the stored secrets stand for them.
  const url = input.url !== undefined && found.url !== null ? restoreMaskedUrl(input.url, found.url) : input.url;
  if (url !== undefined || input.headers !== undefined) {
    assertCanAdminister(auth, found.workspaceId);
    const field = input.url !== undefined ? "url" : "headers";
    if (found.url === null) throw ApiError.validation(`invalid ${field}`, [{ path: field, message: `only an uptime monitor has ${field === "url" ? "a URL" : "request headers"}` }]);
    if (url !== undefined) assertOutboundUrls([{ path: "url", url }]);
  }
  if (input.uptimeCheck !== undefined && found.url === null) throw ApiError.validation("invalid uptimeCheck", [{ path: "uptimeCheck", message: "only an uptime monitor is checked by Faultline" }]);
  if (input.schedule === null && found.url !== null) throw ApiError.validation("invalid schedule", [{ path: "schedule", message: "an uptime monitor is requested on its schedule: it needs one" }]);
  const actorId = auth.kind === "user" ? auth.userId : null;
  await withTransaction(async (client) => {
    const { rows } = await client.query<MonitorRow>(`SELECT ${MONITOR_COLUMNS} FROM "CronMonitor" WHERE id = $1 FOR UPDATE`, [found.id]);
    const monitor = rows[0];
    if (!monitor) return;
    const before = settingsOf(monitor);
    // Headers entered for one host are not sent to another one named later: they come again with it.
    if (url !== undefined && monitor.url !== null && Object.keys(before.headers).length > 0) {
      assertSecretsStayWithDestination({ url: monitor.url, headers: before.headers }, { url, headers: input.headers }, { url }, ["headers"], "");
    }
    // What the request does and what its answer tells (ADMIN_CHECK_FIELDS) are admins' to change, like the URL.
    const adminField = input.uptimeCheck && ADMIN_CHECK_FIELDS.find((key) => input.uptimeCheck![key] !== before.uptimeCheck[key]);
    if (adminField && !canAdminister(auth, found.workspaceId)) {
      throw new ApiError(403, "forbidden", `only workspace admins change an uptime check's ${adminField}`, { field: `uptimeCheck.${adminField}` });
    }
    const schedule = input.schedule === undefined ? scheduleOf(monitor) : input.schedule;
    const after = {
      schedule,
      timezone: input.timezone ?? monitor.timezone,
      checkinMargin: input.checkinMargin ?? monitor.checkinMargin,
      maxRuntime: input.maxRuntime ?? monitor.maxRuntime,
      failureIssueThreshold: input.failureIssueThreshold ?? monitor.failureIssueThreshold,
      recoveryThreshold: input.recoveryThreshold ?? monitor.recoveryThreshold,
      muted: input.muted ?? monitor.muted,
      url: url ?? monitor.url,
      uptimeCheck: input.uptimeCheck ?? readUptimeCheck(monitor.uptimeCheck),
      headers: input.headers === undefined ? before.headers : mergeUptimeHeaders(before.headers, input.headers),
    };
    const columns = schedule ? scheduleColumns(schedule) : { scheduleType: null, scheduleValue: null, scheduleUnit: null };
    const timing = JSON.stringify([before.schedule, before.timezone, before.checkinMargin]) !== JSON.stringify([after.schedule, after.timezone, after.checkinMargin]);
    // A new URL is checked at once.
    const next = after.url !== before.url ? now : timing ? (schedule ? nextExpectedAt(schedule, now, after.timezone) : null) : monitor.nextExpectedAt;
    await client.query(
      `UPDATE "CronMonitor" SET "scheduleType" = $2, "scheduleValue" = $3, "scheduleUnit" = $4, timezone = $5, "checkinMargin" = $6, "maxRuntime" = $7,
         "failureIssueThreshold" = $8, "recoveryThreshold" = $9, muted = $10, "nextExpectedAt" = $11, "missedAt" = $12, "updatedAt" = $13, url = $14,
         "uptimeCheck" = $15, "uptimeSecrets" = CASE WHEN $16::boolean THEN $17::jsonb ELSE "uptimeSecrets" END
       WHERE id = $1`,
      [
        monitor.id,
        columns.scheduleType,
        columns.scheduleValue,
        columns.scheduleUnit,
        after.timezone,
        after.checkinMargin,
        after.maxRuntime,
        after.failureIssueThreshold,
        after.recoveryThreshold,
        after.muted,
        next,
        next ? new Date(next.getTime() + after.checkinMargin * 60_000) : null,
        now,
        after.url,
        JSON.stringify(after.uptimeCheck),
        input.headers !== undefined,
        input.headers === undefined ? null : sealedUptimeSecretsJson(monitor.id, after.headers),
      ],
    );
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
    // A URL's password and secret query values masked; request headers by name only (their values are credentials).
    const audited = (settings: typeof after, key: keyof typeof after) =>
      key === "url" && settings.url ? maskMonitorUrl(settings.url) : key === "headers" ? Object.keys(settings.headers) : settings[key];
    if (changed.length === 0) return;
    await client.query(
      `INSERT INTO "AuditLog" (id, "workspaceId", "actorId", "actorType", action, "targetType", "targetId", before, after)
       VALUES ($1, $2, $3, 'user', 'monitor.updated', 'monitor', $4, $5, $6)`,
      [
        uuidv7(),
        monitor.workspaceId,
        actorId,
        monitor.id,
        JSON.stringify({ slug: monitor.slug, ...Object.fromEntries(changed.map((key) => [key, audited(before, key)])) }),
        JSON.stringify(Object.fromEntries(changed.map((key) => [key, audited(after, key)]))),
      ],
    );
  });
  return toMonitorDto(await findVisibleMonitor(auth, found.id));
}

function settingsOf(monitor: MonitorRow) {
  return {
    schedule: scheduleOf(monitor),
    timezone: monitor.timezone,
    checkinMargin: monitor.checkinMargin,
    maxRuntime: monitor.maxRuntime,
    failureIssueThreshold: monitor.failureIssueThreshold,
    recoveryThreshold: monitor.recoveryThreshold,
    muted: monitor.muted,
    url: monitor.url,
    uptimeCheck: readUptimeCheck(monitor.uptimeCheck),
    // Headers that no longer open count as none: the admin enters them again.
    headers: readUptimeHeaders(monitor.id, monitor.uptimeSecrets) ?? {},
  };
}
