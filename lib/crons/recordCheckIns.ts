import type pg from "pg";
import { withTransaction } from "@/lib/db/pool";
import { ApiError } from "@/lib/http/ApiError";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { describeSchedule, nextDueAfterRun } from "@/lib/crons/monitorSchedule";
import { failureOf, type MonitorFailure } from "@/lib/crons/monitorFailure";
import { MONITOR_DEFAULTS } from "@/lib/crons/monitorConfig";
import { MONITOR_COLUMNS, scheduleColumns, scheduleOf, type MonitorRow } from "@/lib/crons/monitorRow";
import { applyRunOutcome, type Transition } from "@/lib/crons/monitorTransition";
import { reportMonitorOutcomes, type MonitorOutcomes } from "@/lib/crons/reportMonitorOutcomes";
import type { CheckInInput } from "@/lib/sentry/mapCheckIn";

/** Monitors a project may have: check-ins through a public DSN must not create them without bound. */
export const MAX_MONITORS_PER_PROJECT = 1_000;

interface Target {
  workspaceId: string;
  projectId: string;
}

/**
 * Records check-ins of one project, each in its own transaction: the monitor (project, slug,
 * environment) is created on its first check-in and its settings replaced by a check-in that
 * carries them; a new run is inserted (an in_progress one with its time-out), or an in_progress run
 * closed by ok/error with its id (a finished run is never changed again: a retry is a no-op). A run
 * that started moves the next expected check-in; a finished one applies the failure and recovery
 * thresholds. Failures then become events of the monitor's issue and a recovery resolves it
 * (lib/crons/reportMonitorOutcomes.ts), after the check-ins are committed.
 */
export async function recordCheckIns(target: Target, items: CheckInInput[], now = new Date()): Promise<string[]> {
  const outcomes: MonitorOutcomes = { failures: [], recoveries: [] };
  const ids: string[] = [];
  for (const item of items) {
    const result = await withTransaction((client) => recordCheckIn(client, target, item, now));
    ids.push(result.checkInId);
    if (result.failure) outcomes.failures.push(result.failure);
    if (result.recoveredGroupId) outcomes.recoveries.push({ groupId: result.recoveredGroupId, monitorSlug: item.slug });
  }
  await reportMonitorOutcomes(outcomes, now);
  return ids;
}

async function recordCheckIn(
  client: pg.PoolClient,
  target: Target,
  given: CheckInInput,
  now: Date,
): Promise<{ checkInId: string; failure?: MonitorFailure; recoveredGroupId?: string }> {
  const monitor = await upsertMonitor(client, target, given, now);
  const item = given.latest ? { ...given, checkInId: (await latestRunInProgress(client, monitor.id)) ?? given.checkInId } : given;
  const { rows: existing } = await client.query<{ status: string; createdAt: Date }>(
    `SELECT status, "createdAt" FROM "CronCheckIn" WHERE "monitorId" = $1 AND id = $2 FOR UPDATE`,
    [monitor.id, item.checkInId],
  );
  const run = existing[0];
  if (run && (run.status !== "in_progress" || item.status === "in_progress")) return { checkInId: item.checkInId }; // a retry, or a finished run
  if (run) {
    const durationMs = item.durationMs ?? Math.max(0, now.getTime() - run.createdAt.getTime());
    await client.query(
      `UPDATE "CronCheckIn" SET status = $3, "durationMs" = $4, "timeoutAt" = NULL, "updatedAt" = $5, release = coalesce($6, release)
       WHERE "monitorId" = $1 AND id = $2`,
      [monitor.id, item.checkInId, item.status, Math.min(durationMs, 2_147_483_647), now, item.release],
    );
  } else {
    const timeoutAt = item.status === "in_progress" ? new Date(now.getTime() + monitor.maxRuntime * 60_000) : null;
    await client.query(
      `INSERT INTO "CronCheckIn" ("monitorId", id, status, "durationMs", release, "timeoutAt", "createdAt", "updatedAt", detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8)`,
      [monitor.id, item.checkInId, item.status, item.durationMs, item.release, timeoutAt, now, item.detail ?? null],
    );
  }
  // SDKs send check-ins concurrently, so a run can close after a newer one finished. Its failure
  // still counts (a failed run is never hidden), but its success is stale: a recovery only comes
  // from the newest run, so the run is stored and the monitor's status and counters stay.
  const stale = run !== undefined && item.status === "ok" && (await newerRunFinished(client, monitor.id, run.createdAt));
  const transition = item.status === "in_progress" || stale ? null : applyRunOutcome(monitor, item.status === "ok" ? "ok" : "failure");
  const schedule = scheduleOf(monitor);
  // A new run moves the monitor's clock: the next check-in is due at the schedule's next tick (the
  // one after, when the run checked in just before its own tick).
  const next = !run && schedule ? nextDueAfterRun(schedule, now, monitor.timezone, monitor.nextExpectedAt) : undefined;
  await saveMonitor(client, monitor, transition, { now, checkedInAt: now, status: stale ? null : item.status, next });
  return {
    checkInId: item.checkInId,
    ...(transition?.raise && !monitor.muted && {
      failure: {
        ...failureOf(monitor, item.checkInId, "error", now),
        release: item.release,
        ...(item.detail && { detail: item.detail }),
        ...(schedule && { schedule: describeSchedule(schedule, monitor.timezone) }),
      },
    }),
    ...(transition?.recovered && !monitor.muted && monitor.groupId && { recoveredGroupId: monitor.groupId }),
  };
}

/** Whether a run that started after `startedAt` has already finished. */
async function newerRunFinished(client: pg.PoolClient, monitorId: string, startedAt: Date): Promise<boolean> {
  const { rows } = await client.query(
    `SELECT 1 FROM "CronCheckIn" WHERE "monitorId" = $1 AND "createdAt" > $2 AND status <> 'in_progress' LIMIT 1`,
    [monitorId, startedAt],
  );
  return rows.length > 0;
}

async function latestRunInProgress(client: pg.PoolClient, monitorId: string): Promise<string | undefined> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM "CronCheckIn" WHERE "monitorId" = $1 AND status = 'in_progress' ORDER BY "createdAt" DESC LIMIT 1`,
    [monitorId],
  );
  return rows[0]?.id;
}

/**
 * Creates the monitor or takes its row lock; a check-in with monitor_config replaces its settings.
 * A new monitor past the project's limit is refused (400 naming monitor_slug; nothing written).
 */
async function upsertMonitor(client: pg.PoolClient, target: Target, item: CheckInInput, now: Date): Promise<MonitorRow> {
  const s = item.settings;
  const columns = s ? scheduleColumns(s.schedule) : null;
  // A monitor created without monitor_config starts with the defaults (and no schedule).
  const settings = s ?? MONITOR_DEFAULTS;
  const { rows } = await client.query<MonitorRow & { created: boolean }>(
    `INSERT INTO "CronMonitor" AS m (id, "workspaceId", "projectId", slug, environment, "scheduleType", "scheduleValue", "scheduleUnit",
       timezone, "checkinMargin", "maxRuntime", "failureIssueThreshold", "recoveryThreshold", "createdAt", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)
     ON CONFLICT ("projectId", slug, environment) DO UPDATE SET
       "scheduleType" = CASE WHEN $15 THEN excluded."scheduleType" ELSE m."scheduleType" END,
       "scheduleValue" = CASE WHEN $15 THEN excluded."scheduleValue" ELSE m."scheduleValue" END,
       "scheduleUnit" = CASE WHEN $15 THEN excluded."scheduleUnit" ELSE m."scheduleUnit" END,
       timezone = CASE WHEN $15 THEN excluded.timezone ELSE m.timezone END,
       "checkinMargin" = CASE WHEN $15 THEN excluded."checkinMargin" ELSE m."checkinMargin" END,
       "maxRuntime" = CASE WHEN $15 THEN excluded."maxRuntime" ELSE m."maxRuntime" END,
       "failureIssueThreshold" = CASE WHEN $15 THEN excluded."failureIssueThreshold" ELSE m."failureIssueThreshold" END,
       "recoveryThreshold" = CASE WHEN $15 THEN excluded."recoveryThreshold" ELSE m."recoveryThreshold" END,
       "updatedAt" = $14
     RETURNING ${MONITOR_COLUMNS}, (xmax = 0) AS created`,
    [
      uuidv7(now.getTime()),
      target.workspaceId,
      target.projectId,
      item.slug,
      item.environment,
      columns?.scheduleType ?? null,
      columns?.scheduleValue ?? null,
      columns?.scheduleUnit ?? null,
      settings.timezone,
      settings.checkinMargin,
      settings.maxRuntime,
      settings.failureIssueThreshold,
      settings.recoveryThreshold,
      now,
      s !== null,
    ],
  );
  const { created, ...monitor } = rows[0];
  if (created) {
    const { rows: counted } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "CronMonitor" WHERE "projectId" = $1`, [target.projectId]);
    if (counted[0].n > MAX_MONITORS_PER_PROJECT) {
      throw ApiError.badRequest(`check_in.monitor_slug: the project already has ${MAX_MONITORS_PER_PROJECT} cron monitors; delete unused ones to add ${item.slug}`, {
        field: "monitor_slug",
      });
    }
  }
  return monitor;
}

/**
 * Writes the monitor's state after a check-in or a sweep: thresholds' counters and status, the last
 * check-in (`checkedInAt` null for a run the sweep marked: the last real check-in stays; `status`
 * null for a stale run's close: the last status stays), and (when `next` is given) the next due time
 * with the margin (`missedAt`: null when the schedule never ticks again). `next` undefined keeps the
 * current due time.
 */
export async function saveMonitor(
  client: pg.PoolClient,
  monitor: MonitorRow,
  transition: Transition | null,
  checkIn: { now: Date; checkedInAt: Date | null; status: string | null; next: Date | null | undefined },
): Promise<void> {
  const state = transition?.state ?? monitor;
  const next = checkIn.next === undefined ? monitor.nextExpectedAt : checkIn.next;
  const missedAt = next ? new Date(next.getTime() + monitor.checkinMargin * 60_000) : null;
  await client.query(
    `UPDATE "CronMonitor" SET status = $2, "consecutiveFailures" = $3, "consecutiveOks" = $4, "lastCheckInAt" = coalesce($5, "lastCheckInAt"),
       "lastCheckInStatus" = coalesce($6, "lastCheckInStatus"), "nextExpectedAt" = $7, "missedAt" = $8, "updatedAt" = $9
     WHERE id = $1`,
    [monitor.id, state.status, state.consecutiveFailures, state.consecutiveOks, checkIn.checkedInAt, checkIn.status, next, missedAt, checkIn.now],
  );
}
