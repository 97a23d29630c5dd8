import type pg from "pg";
import { withTransaction } from "@/lib/db/pool";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { failureOf, type MonitorFailure } from "@/lib/crons/monitorFailure";
import { describeSchedule, nextExpectedAt } from "@/lib/crons/monitorSchedule";
import { MONITOR_COLUMNS, scheduleOf, type MonitorRow } from "@/lib/crons/monitorRow";
import { applyRunOutcome } from "@/lib/crons/monitorTransition";
import { saveMonitor } from "@/lib/crons/recordCheckIns";
import { reportMonitorOutcomes, type MonitorOutcomes } from "@/lib/crons/reportMonitorOutcomes";

const BATCH = 100;

/**
 * The cron monitors' sweep (a job, one instance at a time): every monitor whose check-in did not
 * come by its due time plus margin gets a `missed` run, and every run still in progress past its
 * monitor's max runtime becomes `timeout`; both count as failures (thresholds, issue events). A
 * monitor that missed many runs while nothing swept (an outage) gets one missed run and is then
 * due again at the first tick after `now` minus its margin, not one per lost tick. Rows are locked
 * monitor first, then run, as check-ins lock them, so the sweep and ingest never deadlock.
 */
export async function sweepMonitors(now: Date): Promise<{ missed: number; timedOut: number }> {
  const outcomes: MonitorOutcomes = { failures: [], recoveries: [] };
  let missed = 0;
  for (;;) {
    const failures = await withTransaction((client) => markMissed(client, now));
    missed += failures.swept;
    outcomes.failures.push(...failures.raised);
    if (failures.swept < BATCH) break;
  }
  let timedOut = 0;
  for (const run of await runsPastTimeout(now)) {
    const failure = await withTransaction((client) => markTimedOut(client, run, now));
    if (failure === undefined) continue;
    timedOut++;
    if (failure) outcomes.failures.push(failure);
  }
  await reportMonitorOutcomes(outcomes, now);
  return { missed, timedOut };
}

async function markMissed(client: pg.PoolClient, now: Date): Promise<{ swept: number; raised: MonitorFailure[] }> {
  const { rows } = await client.query<MonitorRow>(
    `SELECT ${MONITOR_COLUMNS} FROM "CronMonitor" WHERE "missedAt" <= $1 ORDER BY "missedAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
    [now],
  );
  const raised: MonitorFailure[] = [];
  for (const monitor of rows) {
    const checkInId = uuidv7(now.getTime());
    await client.query(
      `INSERT INTO "CronCheckIn" ("monitorId", id, status, "expectedAt", "createdAt", "updatedAt") VALUES ($1, $2, 'missed', $3, $4, $4)`,
      [monitor.id, checkInId, monitor.nextExpectedAt, now],
    );
    const transition = applyRunOutcome(monitor, "failure");
    const schedule = scheduleOf(monitor);
    const from = new Date(Math.max(monitor.nextExpectedAt?.getTime() ?? 0, now.getTime() - monitor.checkinMargin * 60_000));
    const next = schedule ? nextExpectedAt(schedule, from, monitor.timezone) : null;
    await saveMonitor(client, monitor, transition, { now, checkedInAt: null, status: "missed", next });
    if (!transition.raise || monitor.muted) continue;
    raised.push({
      ...failureOf(monitor, checkInId, "missed", now),
      ...(monitor.nextExpectedAt && { expectedAt: monitor.nextExpectedAt }),
      ...(schedule && { schedule: describeSchedule(schedule, monitor.timezone) }),
    });
  }
  return { swept: rows.length, raised };
}

interface OverdueRun {
  monitorId: string;
  id: string;
  release: string | null;
}

async function runsPastTimeout(now: Date): Promise<OverdueRun[]> {
  return (
    await withTransaction((client) =>
      client.query<OverdueRun>(
        `SELECT "monitorId", id, release FROM "CronCheckIn" WHERE "timeoutAt" <= $1 AND status = 'in_progress' ORDER BY "timeoutAt" LIMIT 1000`,
        [now],
      ),
    )
  ).rows;
}

/** Undefined when the run was finished meanwhile; null when it timed out below the failure threshold. */
async function markTimedOut(client: pg.PoolClient, run: OverdueRun, now: Date): Promise<MonitorFailure | null | undefined> {
  const { rows: monitors } = await client.query<MonitorRow>(`SELECT ${MONITOR_COLUMNS} FROM "CronMonitor" WHERE id = $1 FOR UPDATE`, [run.monitorId]);
  const monitor = monitors[0];
  if (!monitor) return undefined;
  const { rowCount } = await client.query(
    `UPDATE "CronCheckIn" SET status = 'timeout', "timeoutAt" = NULL, "updatedAt" = $3,
       "durationMs" = least(2147483647, floor(extract(epoch FROM ($3 - "createdAt")) * 1000))::int
     WHERE "monitorId" = $1 AND id = $2 AND status = 'in_progress' AND "timeoutAt" <= $3`,
    [run.monitorId, run.id, now],
  );
  if (!rowCount) return undefined;
  const transition = applyRunOutcome(monitor, "failure");
  await saveMonitor(client, monitor, transition, { now, checkedInAt: null, status: "timeout", next: undefined });
  if (!transition.raise || monitor.muted) return null;
  return { ...failureOf(monitor, run.id, "timeout", now), release: run.release, maxRuntime: monitor.maxRuntime };
}
