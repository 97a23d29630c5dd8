import { pool } from "@/lib/db/pool";
import { ensureOccurrencePartitions } from "@/lib/db/partitions/occurrencePartitions";
import { addDays, daysFrom, utcDay } from "@/lib/db/partitions/partitionDays";

export interface SeedSize {
  occurrences: number;
  groups: number;
  users: number;
  agents: number;
  days: number;
}

const TYPES = [
  "TypeError", "ReferenceError", "DatabaseConnectionError", "TimeoutError", "ValidationError", "AuthError",
  "PaymentDeclined", "RateLimitError", "OutOfMemoryError", "NetworkError", "KeyError", "ValueError",
  "NullPointerException", "IllegalStateException", "ArgumentException", "PDOException", "RuntimeError",
  "DeadlineExceeded", "ECONNRESET", "SyntaxError",
];
const CATEGORIES = ["api", "database", "timeout", "validation", "auth", "payment", "network", "system"];
const SOURCES = ["agent", "api", "database", "integration", "system"];
/** Occurrences per INSERT statement: progress is reported per chunk and each commits on its own. */
const CHUNK = 1_000_000;
/** The 5-minute rollups hold the last two days only (see docs/metrics.md). */
const FIVE_MINUTE_DAYS = 2;

/**
 * Seeds a workspace in SQL and derives every rollup from the occurrences with the definitions the
 * ingest statement maintains (lib/ingest/storeEvents.ts). Occurrences are generated in time order
 * (evenly spaced with jitter) with time-ordered ids and event ids, as ingest writes them, so every
 * index is appended to rather than split at random, and every rollup is written in time order too:
 * ingest creates an hour's (a day's) rollup rows during that hour (day), so they sit together on
 * disk, and a view that reads a few hours reads a few pages, not one page per row. Group
 * popularity is skewed (a few groups get most events), as in real error streams. The per-group and per-actor rollups are derived in two
 * passes over the occurrences (hourly rows), everything coarser from those.
 */
export async function seedViewData(target: { workspaceId: string; projectId: string }, size: SeedSize, log: (s: string) => void) {
  const client = await pool().connect();
  const q = async (label: string, sql: string, params: unknown[] = []) => {
    const t = performance.now();
    const res = await client.query(sql, params);
    if (label) log(`  ${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    return res;
  };
  const { workspaceId: ws, projectId: pj } = target;
  try {
    await client.query(`SET synchronous_commit = off`);
    await client.query(`SET work_mem = '256MB'`);
    await client.query(`SET maintenance_work_mem = '256MB'`);
    await q("groups", `
      INSERT INTO "ErrorGroup" (id, "workspaceId", "projectId", fingerprint, type, message, severity, category, source, status,
        "firstSeen", "lastSeen", "stackTrace", "updatedAt")
      SELECT gen_random_uuid(), $1, $2, 'bench-' || lpad(i::text, 6, '0'), ($3::text[])[1 + i % array_length($3::text[], 1)],
        'failure ' || i || ' in component ' || (i % 97), (ARRAY['low','medium','high','critical'])[1 + (i * 7) % 4]::"Severity",
        ($4::text[])[1 + i % array_length($4::text[], 1)], ($5::text[])[1 + i % array_length($5::text[], 1)],
        (ARRAY['new','new','acknowledged','investigating','resolved','ignored'])[1 + i % 6]::"ErrorStatus",
        now(), now(), 'Error: failure ' || i || E'\\n    at handler (/srv/app/src/h' || (i % 50) || '.ts:10:5)', now()
      FROM generate_series(0, $6 - 1) AS i`, [ws, pj, TYPES, CATEGORIES, SOURCES, size.groups]);
    await client.query(`DROP TABLE IF EXISTS bench_groups`);
    await q("", `CREATE TEMP TABLE bench_groups AS
      SELECT (row_number() OVER (ORDER BY fingerprint) - 1)::int AS idx, id, severity FROM "ErrorGroup" WHERE "projectId" = $1`, [pj]);
    await client.query(`CREATE UNIQUE INDEX ON bench_groups (idx)`);
    await client.query(`ANALYZE bench_groups`);

    // One partition per UTC day of the seeded span (ErrorOccurrence is partitioned by day).
    await ensureOccurrencePartitions(daysFrom(addDays(utcDay(new Date()), -size.days - 1), utcDay(new Date())));
    const spanMs = size.days * 86_400_000;
    const t0 = Date.now() - spanMs;
    for (let from = 1; from <= size.occurrences; from += CHUNK) {
      const to = Math.min(size.occurrences, from + CHUNK - 1);
      await q(`occurrences ${from.toLocaleString()}–${to.toLocaleString()}`, `
        INSERT INTO "ErrorOccurrence" (id, "groupId", "projectId", "workspaceId", "eventId", "occurredAt", "receivedAt", severity,
          message, "userId", "agentId", "runId", environment, release, "creditsLost", recovered, "recoveryMethod",
          "recoveryDurationMs", "recoveryAutomatic")
        SELECT (lpad(to_hex((extract(epoch FROM s.at) * 1000)::bigint), 12, '0') || '7' || lpad(to_hex(s.n % 4096), 3, '0') || '8'
                || lpad(to_hex(s.n), 15, '0'))::uuid,
          g.id, $1, $2, 'bench-' || lpad(s.n::text, 10, '0'), s.at, s.at, g.severity, 'failure',
          'user-' || (s.n * 7919 % $3), 'agent-' || (s.n * 104729 % $4),
          CASE WHEN s.n % 3 = 0 THEN 'run-' || lpad((s.n / 3)::text, 10, '0') ELSE NULL END,
          CASE WHEN s.n % 5 = 0 THEN 'staging' ELSE 'production' END, '1.' || (s.n % 4) || '.0',
          CASE WHEN s.n % 10 = 0 THEN 0.25 ELSE 0 END,
          CASE WHEN s.n % 20 = 0 THEN (s.n % 60 <> 0) ELSE NULL END,
          CASE WHEN s.n % 20 = 0 THEN (ARRAY['retry','fallback','circuit_breaker'])[1 + s.n % 3] ELSE NULL END,
          CASE WHEN s.n % 20 = 0 THEN 100 + s.n % 5000 ELSE NULL END,
          CASE WHEN s.n % 20 = 0 THEN true ELSE NULL END
        FROM (SELECT n, to_timestamp(($5::float8 + (n - 1 + random()) * $6::float8) / 1000) AS at,
                floor(power(random(), 4) * $7)::int AS gidx
              FROM generate_series($8::bigint, $9::bigint) AS n) s
        JOIN bench_groups g ON g.idx = s.gidx`,
        [pj, ws, size.users, size.agents, t0, spanMs / size.occurrences, size.groups, from, to]);
    }

    await q("event ids", `
      INSERT INTO "ErrorEventId" ("projectId", "eventId", "occurredAt", "groupId", "occurrenceId")
      SELECT "projectId", "eventId", "occurredAt", "groupId", id FROM "ErrorOccurrence" WHERE "projectId" = $1`, [pj]);

    // Per-group rollups: one pass for the hourly rows (per environment), the rest from those.
    await q("hourly rollup", `
      INSERT INTO "ErrorHourly" ("groupId", bucket, environment, "workspaceId", "projectId", severity, count, "creditsLost")
      SELECT o."groupId", date_bin('1 hour', o."occurredAt", TIMESTAMPTZ 'epoch'), coalesce(o.environment, ''), $1, $2, g.severity, count(*), sum(o."creditsLost")
      FROM "ErrorOccurrence" o JOIN bench_groups g ON g.id = o."groupId" WHERE o."projectId" = $2 GROUP BY 1, 2, 3, 6 ORDER BY 2`, [ws, pj]);
    await q("daily rollups", `
      INSERT INTO "ErrorEnvDaily" ("groupId", day, environment, "workspaceId", "projectId", severity, count, "creditsLost", hours)
      SELECT "groupId", (bucket AT TIME ZONE 'UTC')::date, environment, $1, $2, severity, sum(count), sum("creditsLost"),
        bit_or(1 << extract(hour FROM bucket AT TIME ZONE 'UTC')::int)
      FROM "ErrorHourly" WHERE "projectId" = $2 GROUP BY 1, 2, 3, 6 ORDER BY 2`, [ws, pj]);
    await client.query(`
      INSERT INTO "ErrorDaily" ("groupId", day, "workspaceId", "projectId", severity, count, "creditsLost", hours)
      SELECT "groupId", day, $1, $2, severity, sum(count), sum("creditsLost"), bit_or(hours)
      FROM "ErrorEnvDaily" WHERE "projectId" = $2 GROUP BY 1, 2, 5 ORDER BY 2`, [ws, pj]);
    await q("weekly rollups", `
      INSERT INTO "ErrorEnvWeekly" ("groupId", week, environment, "workspaceId", "projectId", severity, count, "creditsLost", days)
      SELECT "groupId", day - (extract(isodow FROM day)::int - 1), environment, $1, $2, severity, sum(count), sum("creditsLost"),
        bit_or(1 << (extract(isodow FROM day)::int - 1))
      FROM "ErrorEnvDaily" WHERE "projectId" = $2 GROUP BY 1, 2, 3, 6 ORDER BY 2`, [ws, pj]);
    await client.query(`
      INSERT INTO "ErrorWeekly" ("groupId", week, "workspaceId", "projectId", severity, count, "creditsLost")
      SELECT "groupId", day - (extract(isodow FROM day)::int - 1), $1, $2, severity, sum(count), sum("creditsLost")
      FROM "ErrorDaily" WHERE "projectId" = $2 GROUP BY 1, 2, 5 ORDER BY 2`, [ws, pj]);
    await q("per-project totals", `
      INSERT INTO "ProjectDaily" ("workspaceId", "projectId", day, severity, shard, count, errors)
      SELECT $1, $2, day, severity, 0, sum(count), count(*) FROM "ErrorDaily" WHERE "projectId" = $2 GROUP BY 3, 4 ORDER BY 3`, [ws, pj]);
    await client.query(`
      INSERT INTO "ProjectBucket" ("workspaceId", span, bucket, "projectId", environment, severity, shard, count)
      SELECT $1, s.span, date_bin(make_interval(mins => s.span), bucket, TIMESTAMPTZ 'epoch'), $2, environment, severity, 0, sum(count)
      FROM "ErrorHourly" CROSS JOIN (VALUES (60), (1440)) AS s(span) WHERE "projectId" = $2 GROUP BY 2, 3, 5, 6 ORDER BY 3`, [ws, pj]);
    await q("5-minute rollup (last days)", `
      INSERT INTO "ErrorFiveMinute" ("groupId", bucket, environment, "workspaceId", "projectId", severity, count, "creditsLost")
      SELECT o."groupId", date_bin('5 minutes', o."occurredAt", TIMESTAMPTZ 'epoch'), coalesce(o.environment, ''), $1, $2, g.severity, count(*), sum(o."creditsLost")
      FROM "ErrorOccurrence" o JOIN bench_groups g ON g.id = o."groupId"
      WHERE o."workspaceId" = $1 AND o."occurredAt" >= now() - make_interval(days => $3) GROUP BY 1, 2, 3, 6 ORDER BY 2`, [ws, pj, FIVE_MINUTE_DAYS]);

    // Per-user and per-agent rollups: one pass for the hourly rows, days and weeks from those.
    await q("users/agents per hour", `
      INSERT INTO "ActorCount" ("workspaceId", kind, span, start, "actorId", "projectId", environment, severity, count)
      SELECT $1, a.kind, 60, date_bin('1 hour', o."occurredAt", TIMESTAMPTZ 'epoch'), a.id, $2, coalesce(o.environment, ''), g.severity, count(*)
      FROM "ErrorOccurrence" o JOIN bench_groups g ON g.id = o."groupId"
      CROSS JOIN LATERAL (VALUES ('user', o."userId"), ('agent', o."agentId")) AS a(kind, id)
      WHERE o."projectId" = $2 AND a.id IS NOT NULL GROUP BY 2, 4, 5, 7, 8 ORDER BY 4`, [ws, pj]);
    await q("users/agents per day and week", `
      INSERT INTO "ActorCount" ("workspaceId", kind, span, start, "actorId", "projectId", environment, severity, count)
      SELECT $1, kind, s.span, date_bin(make_interval(mins => s.span), start, TIMESTAMPTZ '2000-01-03 00:00:00+00'), "actorId", $2, environment, severity, sum(count)
      FROM "ActorCount" CROSS JOIN (VALUES (1440), (10080)) AS s(span)
      WHERE "workspaceId" = $1 AND kind IN ('user', 'agent') AND "ActorCount".span = 60 GROUP BY 2, 3, 4, 5, 7, 8 ORDER BY 4`, [ws, pj]);
    await client.query(`
      INSERT INTO "UserDaily" ("workspaceId", "projectId", day, "userId", count)
      SELECT $1, $2, (start AT TIME ZONE 'UTC')::date, "actorId", sum(count) FROM "ActorCount"
      WHERE "workspaceId" = $1 AND kind = 'user' AND span = 1440 GROUP BY 3, 4 ORDER BY 3`, [ws, pj]);
    await client.query(`
      INSERT INTO "UserWeekly" ("workspaceId", "projectId", week, "userId", count)
      SELECT $1, $2, (start AT TIME ZONE 'UTC')::date, "actorId", sum(count) FROM "ActorCount"
      WHERE "workspaceId" = $1 AND kind = 'user' AND span = 10080 GROUP BY 3, 4 ORDER BY 3`, [ws, pj]);
    await client.query(`
      INSERT INTO "AgentDaily" ("workspaceId", "projectId", day, "agentId", count)
      SELECT $1, $2, (start AT TIME ZONE 'UTC')::date, "actorId", sum(count) FROM "ActorCount"
      WHERE "workspaceId" = $1 AND kind = 'agent' AND span = 1440 GROUP BY 3, 4 ORDER BY 3`, [ws, pj]);
    await q("users/agents per 5 minutes (last days)", `
      INSERT INTO "ActorFiveMinute" ("workspaceId", kind, bucket, "actorId", "projectId", environment, severity, count)
      SELECT $1, a.kind, date_bin('5 minutes', o."occurredAt", TIMESTAMPTZ 'epoch'), a.id, $2, coalesce(o.environment, ''), g.severity, count(*)
      FROM "ErrorOccurrence" o JOIN bench_groups g ON g.id = o."groupId"
      CROSS JOIN LATERAL (VALUES ('user', o."userId"), ('agent', o."agentId")) AS a(kind, id)
      WHERE o."workspaceId" = $1 AND o."occurredAt" >= now() - make_interval(days => $3) AND a.id IS NOT NULL GROUP BY 2, 3, 4, 6, 7 ORDER BY 3`, [ws, pj, FIVE_MINUTE_DAYS]);

    await q("distinct users/agents per group", `
      INSERT INTO "ErrorGroupUser" ("groupId", "userId", "firstSeen")
      SELECT "groupId", "userId", min("occurredAt") FROM "ErrorOccurrence" WHERE "projectId" = $1 GROUP BY 1, 2 ORDER BY 3`, [pj]);
    await client.query(`
      INSERT INTO "ErrorGroupAgent" ("groupId", "agentId", "firstSeen")
      SELECT "groupId", "agentId", min("occurredAt") FROM "ErrorOccurrence" WHERE "projectId" = $1 GROUP BY 1, 2 ORDER BY 3`, [pj]);
    await q("group counters", `
      UPDATE "ErrorGroup" g SET "occurrenceCount" = a.n, "creditsLost" = a.credits,
        "firstSeen" = (SELECT min("occurredAt") FROM "ErrorOccurrence" o WHERE o."groupId" = g.id),
        "lastSeen" = (SELECT max("occurredAt") FROM "ErrorOccurrence" o WHERE o."groupId" = g.id),
        "usersAffected" = (SELECT count(*) FROM "ErrorGroupUser" u WHERE u."groupId" = g.id),
        "agentsAffected" = (SELECT count(*) FROM "ErrorGroupAgent" x WHERE x."groupId" = g.id)
      FROM (SELECT "groupId", sum(count) AS n, sum("creditsLost") AS credits FROM "ErrorWeekly" WHERE "projectId" = $1 GROUP BY 1) a
      WHERE g.id = a."groupId"`, [pj]);
    await client.query(`UPDATE "ErrorGroup" SET "resolvedAt" = "lastSeen" + interval '2 hours' WHERE "projectId" = $1 AND status = 'resolved'`, [pj]);
    await q("executions (hourly per agent)", `
      INSERT INTO "ExecutionMinute" ("projectId", minute, "agentId", environment, "workspaceId", ok, failed, crashed)
      SELECT $1, h, 'agent-' || a, 'production', $2, 200 + a % 50, a % 7, 0
      FROM generate_series(date_trunc('hour', now()) - make_interval(days => $3), date_trunc('hour', now()), interval '1 hour') AS h,
           generate_series(0, $4 - 1) AS a`, [pj, ws, size.days, size.agents]);
    await client.query(`
      INSERT INTO "ExecutionHourly" ("projectId", hour, "agentId", environment, "workspaceId", ok, failed, crashed)
      SELECT "projectId", date_bin('1 hour', minute, TIMESTAMPTZ 'epoch'), "agentId", environment, "workspaceId", sum(ok), sum(failed), sum(crashed)
      FROM "ExecutionMinute" WHERE "projectId" = $1 GROUP BY 1, 2, 3, 4, 5 ORDER BY 2`, [pj]);
    await client.query(`
      INSERT INTO "ExecutionDaily" ("projectId", day, "agentId", environment, "workspaceId", ok, failed, crashed)
      SELECT "projectId", (minute AT TIME ZONE 'UTC')::date, "agentId", environment, "workspaceId", sum(ok), sum(failed), sum(crashed)
      FROM "ExecutionMinute" WHERE "projectId" = $1 GROUP BY 1, 2, 3, 4, 5 ORDER BY 2`, [pj]);
    // Recovery outcomes per day, as the ingest statement writes them (in time order).
    await q("recovery rollups", `
      INSERT INTO "RecoveryDaily" ("workspaceId", day, "projectId", environment, severity, method, recovered, automatic, count, "durationSumMs", "durationCount")
      SELECT $1, (o."occurredAt" AT TIME ZONE 'UTC')::date, $2, coalesce(o.environment, ''), g.severity, coalesce(o."recoveryMethod", ''), o.recovered,
        o."recoveryAutomatic" IS DISTINCT FROM false, count(*), coalesce(sum(o."recoveryDurationMs"), 0), count(o."recoveryDurationMs")
      FROM "ErrorOccurrence" o JOIN bench_groups g ON g.id = o."groupId"
      WHERE o."workspaceId" = $1 AND o.recovered IS NOT NULL GROUP BY 2, 4, 5, 6, 7, 8 ORDER BY 2`, [ws, pj]);
    await client.query(`
      INSERT INTO "RecoveryDurationDaily" ("workspaceId", day, "projectId", environment, severity, "durationMs", count)
      SELECT $1, (o."occurredAt" AT TIME ZONE 'UTC')::date, $2, coalesce(o.environment, ''), g.severity, faultline_recovery_ms(o."recoveryDurationMs"), count(*)
      FROM "ErrorOccurrence" o JOIN bench_groups g ON g.id = o."groupId"
      WHERE o."workspaceId" = $1 AND o.recovered AND o."recoveryAutomatic" IS DISTINCT FROM false AND o."recoveryDurationMs" IS NOT NULL
      GROUP BY 2, 4, 5, 6 ORDER BY 2`, [ws, pj]);
    await q("cascades", `
      INSERT INTO "CascadeDaily" ("workspaceId", "parentGroupId", "childGroupId", day, count)
      SELECT $1, p.id, c.id, (now() - make_interval(days => d))::date, 1 + d % 5
      FROM generate_series(0, 29) AS d, bench_groups p JOIN bench_groups c ON c.idx = p.idx + 1
      WHERE p.idx % 500 = 0 ON CONFLICT DO NOTHING`, [ws]);
    // Steady state, as autovacuum would leave it: statistics, and visibility maps for index-only scans.
    await q("vacuum analyze", `VACUUM ANALYZE`);
    await q("checkpoint", `CHECKPOINT`); // flush the seed's writes now rather than during the measurements
  } finally {
    await client.query(`DROP TABLE IF EXISTS bench_groups`).catch(() => undefined);
    client.release();
  }
}

/** Removes a bench workspace's rows (rollup tables have no foreign keys to cascade from). */
export async function deleteViewData(target: { workspaceId: string; projectId: string }) {
  const p = pool();
  const tables = [
    "ErrorHourly", "ErrorDaily", "ErrorWeekly", "ErrorEnvDaily", "ErrorEnvWeekly", "ErrorFiveMinute", "ProjectDaily", "ProjectBucket", "RecoveryDaily", "RecoveryDurationDaily",
    "UserDaily", "UserWeekly", "AgentDaily", "ActorCount", "ActorFiveMinute", "CascadeDaily", "ExecutionMinute", "ExecutionHourly", "ExecutionDaily",
  ];
  for (const table of tables) await p.query(`DELETE FROM "${table}" WHERE "workspaceId" = $1`, [target.workspaceId]);
  await p.query(`DELETE FROM "ErrorEventId" WHERE "projectId" = $1`, [target.projectId]);
  await p.query(`DELETE FROM "ErrorGroupUser" WHERE "groupId" IN (SELECT id FROM "ErrorGroup" WHERE "projectId" = $1)`, [target.projectId]);
  await p.query(`DELETE FROM "ErrorGroupAgent" WHERE "groupId" IN (SELECT id FROM "ErrorGroup" WHERE "projectId" = $1)`, [target.projectId]);
  await p.query(`DELETE FROM "Workspace" WHERE id = $1`, [target.workspaceId]);
}
