import { pool } from "@/lib/db/pool";
import { forgetOccurrencePartitions, listOccurrencePartitions } from "@/lib/db/partitions/occurrencePartitions";
import { deleteOrphanedRows } from "@/lib/lifecycle/deleteOrphanedRows";
import { deleteExpiredEventIds, deleteRowsOfExpiredEvents, ORPHAN_GRACE_MS } from "@/lib/lifecycle/deleteExpiredEvents";
import { BATCH, deleteInBatches } from "@/lib/lifecycle/deleteInBatches";
import { trimCappedIssues } from "@/lib/lifecycle/trimCappedIssues";
import { addDays, droppableDays, OCCURRENCE_TABLE, retentionCutoff, utcDay } from "@/lib/db/partitions/partitionDays";

/** Rollups outlive occurrences so trends survive: a bit over a year. */
export const ROLLUP_RETENTION_DAYS = 400;
/** Per-minute ingest outcome counts (the status page reads a day; Prometheus keeps history). */
const INGEST_MINUTE_DAYS = 35;
/** Claims of requests whose counts were added (lib/db/appliedRecords.ts). */
const APPLIED_RECORD_DAYS = 30;
/** Release-health sessions counted, with their bucket (lib/sentry/countSessionUpdates.ts): Sentry takes a session's updates for 5 days. */
const COUNTED_SESSION_DAYS = 7;
/** Delivered or failed notification deliveries (and their attempts) are kept this long. */
const DELIVERY_DAYS = 30;
/** The background job's name (lib/jobs/jobList.ts): its advisory lock is shared with `npm run faultline -- retention:run`. */
export const RETENTION_JOB = "retention";
/** The `deleted` entry of occurrences trimmed by the per-issue cap. */
export const CAPPED_OCCURRENCES = "ErrorOccurrence (issue cap)";

export interface RetentionRun {
  now: string;
  droppedPartitions: string[];
  deleted: Record<string, number>;
  /** Milliseconds per step, to see where the time goes on a big database. */
  timings: Record<string, number>;
}

/**
 * The retention job, at `now` (injected so tests and the benchmark drive it):
 *  1. Occurrence partitions whose day every project's retention has passed are detached
 *     CONCURRENTLY (a SHARE UPDATE EXCLUSIVE lock on ErrorOccurrence: ingest and reads go on) and
 *     dropped (an ACCESS EXCLUSIVE lock on the detached table only).
 *  2. Projects with a shorter retention than the longest lose their older rows by batched deletes.
 *  3. Their event ids (ErrorEventId: each stored one counted in its issue's expiredCount) and
 *     per-minute executions go with them; before the ids, what lives as long as its event does (user
 *     feedback, attachments, forwarded copies: lib/lifecycle/deleteExpiredEvents.ts).
 *     Issues past their project's per-issue cap are trimmed to their first events, latest and sample
 *     (lib/lifecycle/trimCappedIssues.ts; counted as "ErrorOccurrence (issue cap)").
 *  4. Rollups older than ROLLUP_RETENTION_DAYS, expired sessions, old rate-limit windows, old
 *     deliveries, per-minute ingest counts and applied-record claims are deleted.
 *  5. Rows of projects and issues that no longer exist, in the tables without a foreign key to them
 *     (lib/lifecycle/deleteOrphanedRows.ts), are deleted (counted as "<table> (orphaned)").
 * Issues (ErrorGroup) are never deleted by retention (only by an admin: lib/errors/deletion): with no
 * occurrences left they keep their counts, users and history, and the views keep reading their
 * rollups; they hold nothing about the end user of their events besides the user ids counted
 * (lib/ingest/groupContext.ts).
 */
export async function runRetention(now: Date = new Date()): Promise<RetentionRun> {
  const run: RetentionRun = { now: now.toISOString(), droppedPartitions: [], deleted: {}, timings: {} };
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await fn();
    } finally {
      run.timings[name] = Math.round(performance.now() - started);
    }
  };
  const count = (table: string, n: number) => (run.deleted[table] = (run.deleted[table] ?? 0) + n);

  const { rows: projects } = await pool().query<{ id: string; workspaceId: string; retentionDays: number }>(
    `SELECT id, "workspaceId", "retentionDays" FROM "Project"`,
  );
  const cutoffs = projects.map((p) => ({ ...p, cutoff: retentionCutoff(now, p.retentionDays) }));

  await step("dropPartitions", async () => {
    await finishPendingDetaches();
    const partitions = await listOccurrencePartitions();
    const doomed = new Set(droppableDays(partitions.map((p) => p.day), cutoffs.map((c) => c.cutoff)));
    for (const partition of partitions.filter((p) => doomed.has(p.day))) {
      await pool().query(`ALTER TABLE "${OCCURRENCE_TABLE}" DETACH PARTITION "${partition.name}" CONCURRENTLY`);
      await pool().query(`DROP TABLE "${partition.name}"`);
      run.droppedPartitions.push(partition.name);
    }
    if (run.droppedPartitions.length) forgetOccurrencePartitions();
  });

  await step("deleteProjectRows", async () => {
    const orphanBefore = new Date(now.getTime() - ORPHAN_GRACE_MS);
    for (const p of cutoffs) {
      const cutoff = `${p.cutoff} 00:00:00+00`;
      count(
        OCCURRENCE_TABLE,
        await deleteInBatches(
          `DELETE FROM "ErrorOccurrence" WHERE (id, "occurredAt") IN (
             SELECT id, "occurredAt" FROM "ErrorOccurrence" WHERE "workspaceId" = $1 AND "projectId" = $2 AND "occurredAt" < $3 LIMIT ${BATCH})`,
          [p.workspaceId, p.id, cutoff],
        ),
      );
      // Feedback, attachments and forwarded copies go with the events they came with: keyed on the
      // event ids' time, so before those go.
      await deleteRowsOfExpiredEvents(p.id, cutoff, orphanBefore, count);
      count("ErrorEventId", await deleteExpiredEventIds(p.id, cutoff));
      count("ExecutionMinute", await deleteOlder("ExecutionMinute", "minute", cutoff, `"projectId" = $2`, [p.id]));
      // Cron monitors' runs keep as long as events (the monitors themselves stay).
      count("CronCheckIn", await deleteOlder("CronCheckIn", '"createdAt"', cutoff, `"monitorId" IN (SELECT id FROM "CronMonitor" WHERE "projectId" = $2)`, [p.id]));
    }
  });

  await step("trimCappedIssues", async () => {
    const trimmed = await trimCappedIssues(now);
    count(CAPPED_OCCURRENCES, trimmed.occurrences);
    count("EventAttachment", trimmed.attachments);
  });

  await step("deleteRollups", async () => {
    const rollupCutoff = `${addDays(utcDay(now), -ROLLUP_RETENTION_DAYS)}`;
    for (const [table, column] of ROLLUPS) count(table, await deleteOlder(table, column, rollupCutoff));
    // A week row covers its seven days: it goes once its last day has.
    for (const [table, column] of WEEK_ROLLUPS) count(table, await deleteOlder(table, column, addDays(rollupCutoff, -6)));
  });

  await step("deleteHousekeeping", async () => {
    const at = now.toISOString();
    count("Session", await deleteOlder("Session", '"expiresAt"', at));
    count("RateLimitWindow", await deleteOlder("RateLimitWindow", '"windowStart"', new Date(now.getTime() - 3_600_000).toISOString()));
    count("QuotaWindow", await deleteOlder("QuotaWindow", '"windowStart"', addDays(utcDay(now), -1)));
    count("IngestMinute", await deleteOlder("IngestMinute", "minute", addDays(utcDay(now), -INGEST_MINUTE_DAYS)));
    count("Delivery", await deleteOlder("Delivery", '"createdAt"', addDays(utcDay(now), -DELIVERY_DAYS), `status <> 'pending'`));
    // A spooled record is replayed within hours of its outage; a month of claims is ample.
    count("AppliedRecord", await deleteOlder("AppliedRecord", '"appliedAt"', addDays(utcDay(now), -APPLIED_RECORD_DAYS)));
    // A session's updates come within its page's lifetime or at the app's next start (Sentry takes them for 5 days): a week of sessions.
    count("CountedSession", await deleteOlder("CountedSession", '"countedAt"', addDays(utcDay(now), -COUNTED_SESSION_DAYS)));
  });

  await step("deleteOrphanedRows", async () => {
    await deleteOrphanedRows((table, n) => n > 0 && count(`${table} (orphaned)`, n));
  });
  return run;
}

const ROLLUPS: [string, string][] = [
  ["ErrorHourly", "bucket"],
  ["ErrorDaily", "day"],
  ["ProjectDaily", "day"],
  ["UserDaily", "day"],
  ["AgentDaily", "day"],
  ["CascadeDaily", "day"],
  ["ExecutionDaily", "day"],
  ["ReleaseSessionDaily", "day"],
  ["ReleaseUserDaily", "day"],
  ["ReleaseDaily", "day"],
  ["ClientDiscard", "day"],
  ["FilteredDaily", "day"],
  // The view's per-environment and per-project rollups (docs/metrics.md); the 5-minute ones keep
  // two days only and have their own job (prune-five-minute-rollups).
  ["ErrorEnvDaily", "day"],
  ["ProjectBucket", "bucket"],
  ["ExecutionHourly", "hour"],
  ["RecoveryDaily", "day"],
  ["RecoveryDurationDaily", "day"],
  // Per issue and merged-in fingerprint, what unmerge shifts the rollups above by (its 5-minute rows go after two days).
  ["GroupFingerprintBucket", "bucket"],
];

/** Rollups with rows per week (ActorCount also has hour and day rows: kept 6 days longer, harmless). */
const WEEK_ROLLUPS: [string, string][] = [
  ["ErrorWeekly", "week"],
  ["UserWeekly", "week"],
  ["ErrorEnvWeekly", "week"],
  ["ActorCount", "start"],
];

/** Rows of `table` whose `column` is before `before` (and `extra`), deleted in batches. */
function deleteOlder(table: string, column: string, before: string, extra?: string, extraValues: unknown[] = []): Promise<number> {
  const col = column.startsWith('"') ? column : `"${column}"`;
  return deleteInBatches(
    `DELETE FROM "${table}" WHERE ctid IN (SELECT ctid FROM "${table}" WHERE ${col} < $1${extra ? ` AND ${extra}` : ""} LIMIT ${BATCH})`,
    [before, ...extraValues],
  );
}

/** A DETACH … CONCURRENTLY interrupted half-way (crash, cancel) leaves a partition pending: finish it. */
async function finishPendingDetaches(): Promise<void> {
  const { rows } = await pool().query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
     WHERE p.relname = $1 AND p.relnamespace = current_schema()::regnamespace AND i.inhdetachpending`,
    [OCCURRENCE_TABLE],
  );
  for (const { name } of rows) {
    await pool().query(`ALTER TABLE "${OCCURRENCE_TABLE}" DETACH PARTITION "${name}" FINALIZE`);
    await pool().query(`DROP TABLE "${name}"`);
  }
}
