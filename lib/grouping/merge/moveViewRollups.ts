import type pg from "pg";

/**
 * The dashboard view's rollups (docs/metrics.md) on merge and unmerge. Two kinds:
 *  - per group (ErrorEnvDaily, ErrorEnvWeekly, ErrorFiveMinute, and the hour/day bits of ErrorDaily,
 *    ErrorEnvDaily, ErrorEnvWeekly): moved with the group's other rollups;
 *  - per project, per user/agent and recovery outcomes (ProjectBucket, ActorCount, ActorFiveMinute,
 *    RecoveryDaily, RecoveryDurationDaily): no group id, but labelled with the group's severity, so
 *    events that change issue change label when the two issues' severities differ.
 */
export interface ViewTarget {
  id: string;
  severity: string;
  workspaceId: string;
  projectId: string;
}

/** Per-group rows of `sources` added onto `target` and removed (the caller recomputes bits afterwards). */
export async function moveViewGroupRollups(client: pg.PoolClient, sources: string[], target: ViewTarget): Promise<void> {
  const args = [sources, target.id, target.severity, target.workspaceId, target.projectId];
  const tables: [string, string][] = [
    ["ErrorEnvDaily", "day, environment"],
    ["ErrorEnvWeekly", "week, environment"],
    ["ErrorFiveMinute", "bucket, environment"],
  ];
  for (const [table, key] of tables) {
    await client.query(
      `INSERT INTO "${table}" ("groupId", ${key}, "workspaceId", "projectId", severity, count, "creditsLost")
       SELECT $2::uuid, ${key}, $4::uuid, $5::uuid, $3::"Severity", sum(count)::int, sum("creditsLost")
       FROM "${table}" WHERE "groupId" = ANY($1::uuid[]) GROUP BY ${key}
       ON CONFLICT ("groupId", ${key}) DO UPDATE SET
         count = "${table}".count + excluded.count, "creditsLost" = "${table}"."creditsLost" + excluded."creditsLost"`,
      args,
    );
    await client.query(`DELETE FROM "${table}" WHERE "groupId" = ANY($1::uuid[])`, [sources]);
  }
}

/**
 * Shifts the split-off events' share of the per-group view rollups from `from` to `to` (unmerge; the
 * caller's temp table unmerge_shift holds their counts per 5 minutes and per hour and environment).
 */
export async function shiftViewGroupRollups(client: pg.PoolClient, fromId: string, to: ViewTarget): Promise<void> {
  const day = `(bucket AT TIME ZONE 'UTC')::date`;
  const rollups: [string, string, string, number][] = [
    ["ErrorEnvDaily", `${day} AS day, environment`, `day, environment`, 60],
    ["ErrorEnvWeekly", `${day} - (extract(isodow FROM ${day})::int - 1) AS week, environment`, `week, environment`, 60],
    ["ErrorFiveMinute", `bucket, environment`, `bucket, environment`, 5],
  ];
  for (const [table, select, key, span] of rollups) {
    const join = key.split(", ").map((k) => `t.${k} = x.${k}`).join(" AND ");
    const moved = `SELECT ${select}, sum(n)::int AS n, sum(credits) AS credits FROM unmerge_shift WHERE span = ${span} GROUP BY ${key}`;
    await client.query(
      `UPDATE "${table}" t SET count = t.count - x.n, "creditsLost" = t."creditsLost" - x.credits FROM (${moved}) x WHERE t."groupId" = $1::uuid AND ${join}`,
      [fromId],
    );
    await client.query(`DELETE FROM "${table}" WHERE "groupId" = $1::uuid AND count <= 0`, [fromId]);
    await client.query(
      `INSERT INTO "${table}" ("groupId", ${key}, "workspaceId", "projectId", severity, count, "creditsLost")
       SELECT $1::uuid, ${key}, $2::uuid, $3::uuid, $4::"Severity", n, credits FROM (${moved}) x
       ON CONFLICT ("groupId", ${key}) DO UPDATE SET count = "${table}".count + excluded.count, "creditsLost" = "${table}"."creditsLost" + excluded."creditsLost"`,
      [to.id, to.workspaceId, to.projectId, to.severity],
    );
  }
}

/** Hour bits of ErrorDaily/ErrorEnvDaily (from ErrorHourly) and day bits of ErrorEnvWeekly (from ErrorEnvDaily) of `groups`, recomputed. */
export async function recomputeViewBits(client: pg.PoolClient, groups: string[]): Promise<void> {
  const hourBit = `bit_or(1 << extract(hour FROM bucket AT TIME ZONE 'UTC')::int)`;
  await client.query(
    `UPDATE "ErrorDaily" d SET hours = h.mask
     FROM (SELECT "groupId", (bucket AT TIME ZONE 'UTC')::date AS day, ${hourBit} AS mask FROM "ErrorHourly" WHERE "groupId" = ANY($1::uuid[]) GROUP BY 1, 2) h
     WHERE d."groupId" = h."groupId" AND d.day = h.day AND d.hours <> h.mask`,
    [groups],
  );
  await client.query(
    `UPDATE "ErrorEnvDaily" d SET hours = h.mask
     FROM (SELECT "groupId", (bucket AT TIME ZONE 'UTC')::date AS day, environment, ${hourBit} AS mask FROM "ErrorHourly" WHERE "groupId" = ANY($1::uuid[]) GROUP BY 1, 2, 3) h
     WHERE d."groupId" = h."groupId" AND d.day = h.day AND d.environment = h.environment AND d.hours <> h.mask`,
    [groups],
  );
  await client.query(
    `UPDATE "ErrorEnvWeekly" w SET days = x.mask
     FROM (SELECT "groupId", day - (extract(isodow FROM day)::int - 1) AS week, environment, bit_or(1 << (extract(isodow FROM day)::int - 1)) AS mask
           FROM "ErrorEnvDaily" WHERE "groupId" = ANY($1::uuid[]) GROUP BY 1, 2, 3) x
     WHERE w."groupId" = x."groupId" AND w.week = x.week AND w.environment = x.environment AND w.days <> x.mask`,
    [groups],
  );
}

/**
 * Relabels events that change issue to `target.severity` in the per-project buckets (from the
 * sources' hourly rows, so spike-sampled events too) and the per-user/agent counts (from their
 * stored occurrences: events not kept, or past retention, keep their old label). Call BEFORE the
 * sources' occurrences and hourly rows move.
 */
export async function relabelMergedSeverity(client: pg.PoolClient, sources: string[], target: ViewTarget): Promise<void> {
  await client.query(
    `WITH src AS (SELECT bucket, environment, severity::text AS severity, count FROM "ErrorHourly" WHERE "groupId" = ANY($1::uuid[]) AND severity <> $2::"Severity"),
     d AS (SELECT bucket, environment, severity, -count AS n FROM src UNION ALL SELECT bucket, environment, $2::text, count FROM src)
     INSERT INTO "ProjectBucket" ("workspaceId", span, bucket, "projectId", environment, severity, shard, count)
     SELECT $3::uuid, s.span, date_bin(make_interval(mins => s.span), d.bucket, TIMESTAMPTZ 'epoch'), $4::uuid, d.environment, d.severity::"Severity", 0, sum(d.n)::int
     FROM d CROSS JOIN (VALUES (60), (1440)) AS s(span) GROUP BY 2, 3, 5, 6
     ON CONFLICT ("workspaceId", span, bucket, "projectId", environment, severity, shard) DO UPDATE SET count = "ProjectBucket".count + excluded.count`,
    [sources, target.severity, target.workspaceId, target.projectId],
  );
  await relabelActors(
    client,
    `SELECT o."occurredAt", coalesce(o.environment, '') AS environment, o."userId", o."agentId", g.severity::text AS severity
     FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId"
     WHERE o."groupId" = ANY($1::uuid[]) AND g.severity <> $2::"Severity" AND (o."userId" IS NOT NULL OR o."agentId" IS NOT NULL)`,
    [sources, target.severity],
    target,
  );
  await relabelRecovery(
    client,
    `SELECT o."occurredAt", coalesce(o.environment, '') AS environment, g.severity::text AS severity, o.recovered, o."recoveryMethod", o."recoveryAutomatic", o."recoveryDurationMs"
     FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId"
     WHERE o."groupId" = ANY($1::uuid[]) AND g.severity <> $2::"Severity" AND o.recovered IS NOT NULL`,
    [sources, target.severity],
    target,
  );
}

/**
 * The same for unmerge: the split-off events go from `fromSeverity` to `to.severity` — in the
 * per-project buckets all of them (temp table unmerge_shift, its hourly rows), in the per-user/agent
 * and recovery rollups the stored ones (unmerge_moved).
 */
export async function relabelUnmergedSeverity(client: pg.PoolClient, fromSeverity: string, to: ViewTarget): Promise<void> {
  if (fromSeverity === to.severity) return;
  await client.query(
    `WITH src AS (SELECT date_bin('1 hour', bucket, TIMESTAMPTZ 'epoch') AS bucket, environment, sum(n)::int AS count FROM unmerge_shift WHERE span = 60 GROUP BY 1, 2),
     d AS (SELECT bucket, environment, $1::text AS severity, -count AS n FROM src UNION ALL SELECT bucket, environment, $2::text, count FROM src)
     INSERT INTO "ProjectBucket" ("workspaceId", span, bucket, "projectId", environment, severity, shard, count)
     SELECT $3::uuid, s.span, date_bin(make_interval(mins => s.span), d.bucket, TIMESTAMPTZ 'epoch'), $4::uuid, d.environment, d.severity::"Severity", 0, sum(d.n)::int
     FROM d CROSS JOIN (VALUES (60), (1440)) AS s(span) GROUP BY 2, 3, 5, 6
     ON CONFLICT ("workspaceId", span, bucket, "projectId", environment, severity, shard) DO UPDATE SET count = "ProjectBucket".count + excluded.count`,
    [fromSeverity, to.severity, to.workspaceId, to.projectId],
  );
  await relabelActors(
    client,
    `SELECT "occurredAt", environment, "userId", "agentId", $1::text AS severity FROM unmerge_moved WHERE "userId" IS NOT NULL OR "agentId" IS NOT NULL`,
    [fromSeverity],
    to,
  );
  await relabelRecovery(
    client,
    `SELECT "occurredAt", environment, $1::text AS severity, recovered, "recoveryMethod", "recoveryAutomatic", "recoveryDurationMs" FROM unmerge_moved WHERE recovered IS NOT NULL`,
    [fromSeverity],
    to,
  );
}

/**
 * `eventsSql` yields stored occurrences with a recovery outcome ("occurredAt", environment, severity,
 * recovered, "recoveryMethod", "recoveryAutomatic", "recoveryDurationMs"): their share of the recovery
 * rollups moves from their severity to the target's, as the ingest statement would have counted them.
 */
async function relabelRecovery(client: pg.PoolClient, eventsSql: string, values: unknown[], target: ViewTarget): Promise<void> {
  await client.query(`CREATE TEMP TABLE recovery_relabel ON COMMIT DROP AS ${eventsSql}`, values);
  const args = [target.workspaceId, target.projectId, target.severity];
  const events = `SELECT ("occurredAt" AT TIME ZONE 'UTC')::date AS day, environment, coalesce("recoveryMethod", '') AS method, recovered,
      "recoveryAutomatic" IS DISTINCT FROM false AS automatic, "recoveryDurationMs" AS ms, s.severity, s.sign FROM recovery_relabel r
      CROSS JOIN LATERAL (VALUES (r.severity, -1), ($3::text, 1)) AS s(severity, sign)`;
  await client.query(
    `INSERT INTO "RecoveryDaily" ("workspaceId", day, "projectId", environment, severity, method, recovered, automatic, count, "durationSumMs", "durationCount")
     SELECT $1::uuid, day, $2::uuid, environment, severity::"Severity", method, recovered, automatic,
       sum(sign)::int, coalesce(sum(sign * ms), 0), sum(sign * (ms IS NOT NULL)::int)::int
     FROM (${events}) e GROUP BY 2, 4, 5, 6, 7, 8
     ON CONFLICT ("workspaceId", day, "projectId", environment, severity, method, recovered, automatic) DO UPDATE SET
       count = "RecoveryDaily".count + excluded.count,
       "durationSumMs" = "RecoveryDaily"."durationSumMs" + excluded."durationSumMs",
       "durationCount" = "RecoveryDaily"."durationCount" + excluded."durationCount"`,
    args,
  );
  await client.query(
    `INSERT INTO "RecoveryDurationDaily" ("workspaceId", day, "projectId", environment, severity, "durationMs", count)
     SELECT $1::uuid, day, $2::uuid, environment, severity::"Severity", faultline_recovery_ms(ms), sum(sign)::int
     FROM (${events}) e WHERE recovered AND automatic AND ms IS NOT NULL GROUP BY 2, 4, 5, 6
     ON CONFLICT ("workspaceId", day, "projectId", environment, severity, "durationMs") DO UPDATE SET count = "RecoveryDurationDaily".count + excluded.count`,
    args,
  );
  await client.query(`DROP TABLE recovery_relabel`);
}

/** `eventsSql` yields ("occurredAt", environment, "userId", "agentId", severity): each event's actor counts move from its severity to the target's. */
async function relabelActors(client: pg.PoolClient, eventsSql: string, values: unknown[], target: ViewTarget): Promise<void> {
  await client.query(`CREATE TEMP TABLE view_relabel ON COMMIT DROP AS ${eventsSql}`, values);
  const deltas = `SELECT k.kind, k.id, e."occurredAt", e.environment, e.severity, -1 AS n FROM view_relabel e
      CROSS JOIN LATERAL (VALUES ('user', e."userId"), ('agent', e."agentId")) AS k(kind, id) WHERE k.id IS NOT NULL
    UNION ALL
    SELECT k.kind, k.id, e."occurredAt", e.environment, $3::text, 1 FROM view_relabel e
      CROSS JOIN LATERAL (VALUES ('user', e."userId"), ('agent', e."agentId")) AS k(kind, id) WHERE k.id IS NOT NULL`;
  const args = [target.workspaceId, target.projectId, target.severity];
  await client.query(
    `INSERT INTO "ActorCount" ("workspaceId", kind, span, start, "actorId", "projectId", environment, severity, count)
     SELECT $1::uuid, d.kind, s.span, date_bin(make_interval(mins => s.span), d."occurredAt", TIMESTAMPTZ '2000-01-03 00:00:00+00'), d.id, $2::uuid,
       d.environment, d.severity::"Severity", sum(d.n)::int
     FROM (${deltas}) d CROSS JOIN (VALUES (60), (1440), (10080)) AS s(span) GROUP BY 2, 3, 4, 5, 7, 8
     ON CONFLICT ("workspaceId", kind, span, start, "actorId", "projectId", environment, severity) DO UPDATE SET count = "ActorCount".count + excluded.count`,
    args,
  );
  // Every event, as the writes do: for buckets already pruned this writes a -1 and a +1 row, which the
  // next prune removes and the 1h view never reads.
  await client.query(
    `INSERT INTO "ActorFiveMinute" ("workspaceId", kind, bucket, "actorId", "projectId", environment, severity, count)
     SELECT $1::uuid, d.kind, date_bin('5 minutes', d."occurredAt", TIMESTAMPTZ 'epoch'), d.id, $2::uuid, d.environment, d.severity::"Severity", sum(d.n)::int
     FROM (${deltas}) d GROUP BY 2, 3, 4, 6, 7
     ON CONFLICT ("workspaceId", kind, bucket, "actorId", "projectId", environment, severity) DO UPDATE SET count = "ActorFiveMinute".count + excluded.count`,
    args,
  );
  await client.query(`DROP TABLE view_relabel`);
}
