import { pool, retryOnDeadlock } from "@/lib/db/pool";

/** Pending rows folded per statement: one transaction's worth, so no fold holds its locks for long. */
const FOLD_BATCH = 20_000;
/** Statements per turn at most, so one turn ends even while ingest outpaces it (the next turn goes on). */
const MAX_STATEMENTS = 50;

/**
 * One statement: takes up to FOLD_BATCH rows out of ActorPending and adds them to the per-actor
 * rollups in the same transaction, so a reader (which adds ActorPending to the rollups in one
 * snapshot) sees every event exactly once before, during and after. Per user/agent: ActorCount per
 * hour, UTC day and ISO week (bins from a Monday midnight), environment and group severity;
 * ActorFiveMinute; and the unfiltered views' UserDaily, UserWeekly and AgentDaily. Rows are upserted
 * in key order, so a concurrent relabel (merge, unmerge) cannot deadlock with it for long (and a
 * deadlock is retried: nothing was taken then).
 */
const FOLD_SQL = `
WITH taken AS (
  DELETE FROM "ActorPending" WHERE ctid = ANY(ARRAY(SELECT ctid FROM "ActorPending" LIMIT $1))
  RETURNING *
), five AS (
  -- Per actor and 5-minute bucket first: hours, UTC days and ISO weeks (from a Monday midnight) all
  -- start on a 5-minute boundary, so every coarser row below is a sum of these, grouped from
  -- (actors × buckets) instead of from events. Text keys compare in "C" order: the same groups and
  -- a consistent upsert order, without the locale-aware comparisons of the database's collation.
  SELECT t."workspaceId", t."projectId", a.kind COLLATE "C" AS kind, a.id COLLATE "C" AS id, t.environment COLLATE "C" AS environment, t.severity,
    date_bin('5 minutes', t."occurredAt", TIMESTAMPTZ 'epoch') AS bucket, count(*)::int AS n
  FROM taken t CROSS JOIN LATERAL (VALUES ('user', t."userId"), ('agent', t."agentId")) AS a(kind, id)
  WHERE a.id IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7
), actor_counts AS (
  INSERT INTO "ActorCount" ("workspaceId", kind, span, start, "actorId", "projectId", environment, severity, count)
  SELECT "workspaceId", kind, s.span, date_bin(make_interval(mins => s.span), bucket, TIMESTAMPTZ '2000-01-03 00:00:00+00'), id, "projectId",
    environment, severity, sum(n)::int
  FROM five CROSS JOIN (VALUES (60), (1440), (10080)) AS s(span)
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("workspaceId", kind, span, start, "actorId", "projectId", environment, severity) DO UPDATE SET
    count = "ActorCount".count + excluded.count
), actor_five_minute AS (
  INSERT INTO "ActorFiveMinute" ("workspaceId", kind, bucket, "actorId", "projectId", environment, severity, count)
  SELECT "workspaceId", kind, bucket, id, "projectId", environment, severity, n
  FROM five
  ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("workspaceId", kind, bucket, "actorId", "projectId", environment, severity) DO UPDATE SET
    count = "ActorFiveMinute".count + excluded.count
), user_daily AS (
  INSERT INTO "UserDaily" ("workspaceId", "projectId", day, "userId", count)
  SELECT "workspaceId", "projectId", (bucket AT TIME ZONE 'UTC')::date, id, sum(n)::int
  FROM five WHERE kind = 'user'
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT ("workspaceId", "projectId", day, "userId") DO UPDATE SET count = "UserDaily".count + excluded.count
), user_weekly AS (
  INSERT INTO "UserWeekly" ("workspaceId", "projectId", week, "userId", count)
  SELECT "workspaceId", "projectId", d - (extract(isodow FROM d)::int - 1), id, sum(n)::int
  FROM (SELECT "workspaceId", "projectId", (bucket AT TIME ZONE 'UTC')::date AS d, id, n FROM five WHERE kind = 'user') x
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT ("workspaceId", "projectId", week, "userId") DO UPDATE SET count = "UserWeekly".count + excluded.count
), agent_daily AS (
  INSERT INTO "AgentDaily" ("workspaceId", "projectId", day, "agentId", count)
  SELECT "workspaceId", "projectId", (bucket AT TIME ZONE 'UTC')::date, id, sum(n)::int
  FROM five WHERE kind = 'agent'
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT ("workspaceId", "projectId", day, "agentId") DO UPDATE SET count = "AgentDaily".count + excluded.count
)
SELECT count(*)::int AS n FROM taken`;

/**
 * The actor-fold job's turn: folds the events' pending user/agent counts (ActorPending, appended by
 * the ingest statement) into the per-actor rollups until none are left or MAX_STATEMENTS ran.
 * Returns how many pending rows it folded. Safe beside ingest and on any number of instances at
 * once (each statement deletes the rows it folds; a row is folded by exactly one).
 */
export async function foldActorCounts(batch: number = FOLD_BATCH): Promise<number> {
  let folded = 0;
  for (let i = 0; i < MAX_STATEMENTS; i++) {
    const { rows } = await retryOnDeadlock(() => pool().query<{ n: number }>({ name: "faultline-fold-actors", text: FOLD_SQL, values: [batch] }));
    folded += rows[0].n;
    if (rows[0].n < batch) break;
  }
  // The folded rows are dead now. Vacuumed at once (a small heap: about a millisecond), or every
  // view's read of the pending rows would scan them until autovacuum's next pass, up to a minute of
  // events later.
  if (folded > 0) await pool().query(`VACUUM "ActorPending"`);
  return folded;
}
