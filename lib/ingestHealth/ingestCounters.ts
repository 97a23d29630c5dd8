import { pool } from "@/lib/db/pool";
import { saturatingAdd, saturatingAddSql } from "@/lib/db/saturatingCounter";
import { emptyIngestCounts, type CountedKind, type IngestCounts } from "@/lib/ingestHealth/ingestOutcomes";
import { logger } from "@/lib/logger";
import { metrics } from "@/lib/metrics/registry";
import { errorMessage } from "@/lib/text/errorMessage";

const MINUTE = 60_000;
const FLUSH_EVERY_MS = 5_000;
/** Buffered (project, minute) rows kept while the database is unreachable; older ones are dropped. */
const MAX_BUFFERED = 50_000;

interface Bucket {
  projectId: string;
  workspaceId: string;
  minute: number;
  counts: IngestCounts;
}

const globalForCounters = globalThis as unknown as { faultlineIngestCounters?: { buckets: Map<string, Bucket>; timer?: NodeJS.Timeout } };

function state() {
  globalForCounters.faultlineIngestCounters ??= { buckets: new Map() };
  return globalForCounters.faultlineIngestCounters;
}

/**
 * Counts `n` events of a project with one outcome: at once in Prometheus (this instance), and in a
 * per-minute buffer that is added to IngestMinute every few seconds, so ingest writes no extra row
 * and concurrent requests never queue on a shared counter row. Never throws. The buffer and the row
 * saturate at the largest integer (an SDK's client report may claim any number of discards): a
 * count past it would fail the one statement that writes every project's buffered counts, again
 * at every retry.
 */
export function countIngest(target: { workspaceId: string; projectId: string }, outcome: CountedKind, n: number, now = Date.now()): void {
  if (n <= 0) return;
  try {
    metrics().ingestEvents.inc({ workspace: target.workspaceId, project: target.projectId, outcome }, n);
    const s = state();
    const minute = Math.floor(now / MINUTE) * MINUTE;
    const key = `${target.projectId}:${minute}`;
    let bucket = s.buckets.get(key);
    if (!bucket) {
      if (s.buckets.size >= MAX_BUFFERED) return;
      bucket = { projectId: target.projectId, workspaceId: target.workspaceId, minute, counts: emptyIngestCounts() };
      s.buckets.set(key, bucket);
    }
    bucket.counts[outcome] = saturatingAdd(bucket.counts[outcome], n);
    s.timer ??= setTimeout(() => void flushIngestCounters(), FLUSH_EVERY_MS).unref();
  } catch (error) {
    logger.error("ingest counter failed", { error: errorMessage(error) });
  }
}

/**
 * Adds the buffered counts to IngestMinute in one statement; on failure they stay buffered. Counts of
 * a project that is being deleted or is gone are dropped (its rows are being deleted).
 */
export async function flushIngestCounters(): Promise<number> {
  const s = state();
  s.timer = undefined;
  if (s.buckets.size === 0) return 0;
  const buckets = [...s.buckets.values()];
  s.buckets = new Map();
  const rows = buckets.map((b) => ({ projectId: b.projectId, workspaceId: b.workspaceId, minute: new Date(b.minute).toISOString(), ...b.counts }));
  try {
    await pool().query(
      `INSERT INTO "IngestMinute" ("projectId", minute, "workspaceId", accepted, duplicate, "rateLimited", sampled, dropped, filtered, "clientDiscarded")
       SELECT "projectId", minute, "workspaceId", accepted, duplicate, "rateLimited", sampled, dropped, filtered, "clientDiscarded"
       FROM jsonb_to_recordset($1::jsonb) AS x("projectId" uuid, minute timestamptz, "workspaceId" uuid, accepted int, duplicate int,
         "rateLimited" int, sampled int, dropped int, filtered int, "clientDiscarded" int)
       WHERE EXISTS (SELECT 1 FROM "Project" p WHERE p.id = x."projectId" AND p."deletingAt" IS NULL)
       ORDER BY 1, 2
       ON CONFLICT ("projectId", minute) DO UPDATE SET
         accepted = ${saturatingAddSql(`"IngestMinute".accepted`, `excluded.accepted`)},
         duplicate = ${saturatingAddSql(`"IngestMinute".duplicate`, `excluded.duplicate`)},
         "rateLimited" = ${saturatingAddSql(`"IngestMinute"."rateLimited"`, `excluded."rateLimited"`)},
         sampled = ${saturatingAddSql(`"IngestMinute".sampled`, `excluded.sampled`)},
         dropped = ${saturatingAddSql(`"IngestMinute".dropped`, `excluded.dropped`)},
         filtered = ${saturatingAddSql(`"IngestMinute".filtered`, `excluded.filtered`)},
         "clientDiscarded" = ${saturatingAddSql(`"IngestMinute"."clientDiscarded"`, `excluded."clientDiscarded"`)}`,
      [JSON.stringify(rows)],
    );
    return rows.length;
  } catch (error) {
    // Put them back (merged with anything counted meanwhile) and try again later.
    for (const b of buckets) {
      const key = `${b.projectId}:${b.minute}`;
      const current = s.buckets.get(key);
      if (!current) {
        if (s.buckets.size < MAX_BUFFERED) s.buckets.set(key, b);
        continue;
      }
      for (const k of Object.keys(b.counts) as CountedKind[]) current.counts[k] = saturatingAdd(current.counts[k], b.counts[k]);
    }
    s.timer ??= setTimeout(() => void flushIngestCounters(), FLUSH_EVERY_MS).unref();
    logger.error("ingest counters not saved; retrying", { error: errorMessage(error) });
    return 0;
  }
}

/** Runs `fn`; when it throws (a body refused as a whole), counts `n` dropped events and rethrows. */
export function countDropped<T>(target: { workspaceId: string; projectId: string }, n: number, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    countIngest(target, "dropped", n);
    throw error;
  }
}
