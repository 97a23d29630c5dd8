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

/**
 * Seeds a workspace in SQL (generate_series, multi-row INSERT … SELECT), then derives every rollup
 * from the occurrences with the same definitions the ingest path maintains. Group popularity is
 * skewed (a few groups get most events), as in real error streams.
 */
export async function seedViewData(target: { workspaceId: string; projectId: string }, size: SeedSize, log: (s: string) => void) {
  const client = await pool().connect();
  const q = async (label: string, sql: string, params: unknown[] = []) => {
    const t = performance.now();
    const res = await client.query(sql, params);
    log(`  ${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    return res;
  };
  const { workspaceId: ws, projectId: pj } = target;
  try {
    await q("groups", `
      INSERT INTO "ErrorGroup" (id, "workspaceId", "projectId", fingerprint, type, message, severity, category, source, status,
        "firstSeen", "lastSeen", "stackTrace", "updatedAt")
      SELECT gen_random_uuid(), $1, $2, 'bench-' || lpad(i::text, 6, '0'), ($3::text[])[1 + i % array_length($3::text[], 1)],
        'failure ' || i || ' in component ' || (i % 97), (ARRAY['low','medium','high','critical'])[1 + (i * 7) % 4]::"Severity",
        ($4::text[])[1 + i % array_length($4::text[], 1)], ($5::text[])[1 + i % array_length($5::text[], 1)],
        (ARRAY['new','new','acknowledged','investigating','resolved','ignored'])[1 + i % 6]::"ErrorStatus",
        now(), now(), 'Error: failure ' || i || E'\\n    at handler (/srv/app/src/h' || (i % 50) || '.ts:10:5)', now()
      FROM generate_series(0, $6 - 1) AS i`, [ws, pj, TYPES, CATEGORIES, SOURCES, size.groups]);
    await q("group index", `CREATE TEMP TABLE bench_groups AS
      SELECT (row_number() OVER (ORDER BY fingerprint) - 1)::int AS idx, id FROM "ErrorGroup" WHERE "projectId" = $1`, [pj]);
    await client.query(`CREATE INDEX ON bench_groups (idx)`);
    // One partition per UTC day of the seeded span (ErrorOccurrence is partitioned by day).
    await ensureOccurrencePartitions(daysFrom(addDays(utcDay(new Date()), -size.days - 1), utcDay(new Date())));
    await q("occurrences", `
      INSERT INTO "ErrorOccurrence" (id, "groupId", "projectId", "workspaceId", "eventId", "occurredAt", "receivedAt", severity,
        message, "userId", "agentId", "runId", environment, release, "creditsLost", recovered, "recoveryMethod",
        "recoveryDurationMs", "recoveryAutomatic")
      SELECT gen_random_uuid(), g.id, $1, $2, 'bench-' || s.n, s.at, s.at, 'high', 'failure', 
        'user-' || (s.n::bigint * 7919 % $4), 'agent-' || (s.n::bigint * 104729 % $5),
        CASE WHEN s.n % 3 = 0 THEN 'run-' || (s.n / 3) ELSE NULL END,
        CASE WHEN s.n % 5 = 0 THEN 'staging' ELSE 'production' END, '1.' || (s.n % 4) || '.0',
        CASE WHEN s.n % 10 = 0 THEN 0.25 ELSE 0 END,
        CASE WHEN s.n % 20 = 0 THEN (s.n % 60 <> 0) ELSE NULL END,
        CASE WHEN s.n % 20 = 0 THEN (ARRAY['retry','fallback','circuit_breaker'])[1 + s.n % 3] ELSE NULL END,
        CASE WHEN s.n % 20 = 0 THEN 100 + s.n % 5000 ELSE NULL END,
        CASE WHEN s.n % 20 = 0 THEN true ELSE NULL END
      FROM (SELECT n, now() - random() * make_interval(days => $6) AS at,
              floor(power(random(), 4) * $7)::int AS gidx
            FROM generate_series(1, $3) AS n) s
      JOIN bench_groups g ON g.idx = s.gidx`, [pj, ws, size.occurrences, size.users, size.agents, size.days, size.groups]);
    await q("event ids", `
      INSERT INTO "ErrorEventId" ("projectId", "eventId", "occurredAt", "groupId", "occurrenceId")
      SELECT "projectId", "eventId", "occurredAt", "groupId", id FROM "ErrorOccurrence" WHERE "projectId" = $1`, [pj]);
    await q("hourly rollup", `
      INSERT INTO "ErrorHourly" ("groupId", bucket, environment, "workspaceId", "projectId", severity, count, "creditsLost")
      SELECT o."groupId", date_trunc('hour', o."occurredAt"), coalesce(o.environment, ''), $1, $2, g.severity, count(*), sum(o."creditsLost")
      FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId" WHERE o."projectId" = $2 GROUP BY 1, 2, 3, 6`, [ws, pj]);
    await q("daily rollup", `
      INSERT INTO "ErrorDaily" ("groupId", day, "workspaceId", "projectId", severity, count, "creditsLost")
      SELECT "groupId", (bucket AT TIME ZONE 'UTC')::date, $1, $2, severity, sum(count), sum("creditsLost")
      FROM "ErrorHourly" WHERE "projectId" = $2 GROUP BY 1, 2, 5`, [ws, pj]);
    await q("weekly rollup", `
      INSERT INTO "ErrorWeekly" ("groupId", week, "workspaceId", "projectId", severity, count, "creditsLost")
      SELECT "groupId", day - (extract(isodow FROM day)::int - 1), $1, $2, severity, sum(count), sum("creditsLost")
      FROM "ErrorDaily" WHERE "projectId" = $2 GROUP BY 1, 2, 5`, [ws, pj]);
    await q("project daily totals", `
      INSERT INTO "ProjectDaily" ("workspaceId", "projectId", day, severity, shard, count, errors)
      SELECT $1, $2, day, severity, 0, sum(count), count(*) FROM "ErrorDaily" WHERE "projectId" = $2 GROUP BY 3, 4`, [ws, pj]);
    await q("users/agents per day", `
      INSERT INTO "UserDaily" ("workspaceId", "projectId", day, "userId", count)
      SELECT $1, $2, ("occurredAt" AT TIME ZONE 'UTC')::date, "userId", count(*) FROM "ErrorOccurrence" WHERE "projectId" = $2 GROUP BY 3, 4`, [ws, pj]);
    await client.query(`
      INSERT INTO "UserWeekly" ("workspaceId", "projectId", week, "userId", count)
      SELECT $1, $2, day - (extract(isodow FROM day)::int - 1), "userId", sum(count) FROM "UserDaily" WHERE "projectId" = $2 GROUP BY 3, 4`, [ws, pj]);
    await client.query(`
      INSERT INTO "AgentDaily" ("workspaceId", "projectId", day, "agentId", count)
      SELECT $1, $2, ("occurredAt" AT TIME ZONE 'UTC')::date, "agentId", count(*) FROM "ErrorOccurrence" WHERE "projectId" = $2 GROUP BY 3, 4`, [ws, pj]);
    await q("distinct users/agents per group", `
      INSERT INTO "ErrorGroupUser" ("groupId", "userId", "firstSeen")
      SELECT "groupId", "userId", min("occurredAt") FROM "ErrorOccurrence" WHERE "projectId" = $1 GROUP BY 1, 2`, [pj]);
    await client.query(`
      INSERT INTO "ErrorGroupAgent" ("groupId", "agentId", "firstSeen")
      SELECT "groupId", "agentId", min("occurredAt") FROM "ErrorOccurrence" WHERE "projectId" = $1 GROUP BY 1, 2`, [pj]);
    await q("group counters", `
      UPDATE "ErrorGroup" g SET "occurrenceCount" = a.n, "firstSeen" = a.first, "lastSeen" = a.last, "creditsLost" = a.credits,
        "usersAffected" = (SELECT count(*) FROM "ErrorGroupUser" u WHERE u."groupId" = g.id),
        "agentsAffected" = (SELECT count(*) FROM "ErrorGroupAgent" x WHERE x."groupId" = g.id),
        "resolvedAt" = CASE WHEN g.status = 'resolved' THEN a.last + interval '2 hours' END
      FROM (SELECT "groupId", count(*) AS n, min("occurredAt") AS first, max("occurredAt") AS last, sum("creditsLost") AS credits
            FROM "ErrorOccurrence" WHERE "projectId" = $1 GROUP BY 1) a
      WHERE g.id = a."groupId"`, [pj]);
    await q("executions (hourly per agent)", `
      INSERT INTO "ExecutionMinute" ("projectId", minute, "agentId", environment, "workspaceId", ok, failed, crashed)
      SELECT $1, h, 'agent-' || a, 'production', $2, 200 + a % 50, a % 7, 0
      FROM generate_series(date_trunc('hour', now()) - make_interval(days => $3), date_trunc('hour', now()), interval '1 hour') AS h,
           generate_series(0, $4 - 1) AS a`, [pj, ws, size.days, size.agents]);
    await q("executions per day", `
      INSERT INTO "ExecutionDaily" ("projectId", day, "agentId", environment, "workspaceId", ok, failed, crashed)
      SELECT "projectId", (minute AT TIME ZONE 'UTC')::date, "agentId", environment, "workspaceId", sum(ok), sum(failed), sum(crashed)
      FROM "ExecutionMinute" WHERE "projectId" = $1 GROUP BY 1, 2, 3, 4, 5`, [pj]);
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
  for (const table of ["ErrorHourly", "ErrorDaily", "ErrorWeekly", "ProjectDaily", "UserDaily", "UserWeekly", "AgentDaily", "CascadeDaily", "ExecutionMinute", "ExecutionDaily"]) {
    await p.query(`DELETE FROM "${table}" WHERE "workspaceId" = $1`, [target.workspaceId]);
  }
  await p.query(`DELETE FROM "ErrorEventId" WHERE "projectId" = $1`, [target.projectId]);
  await p.query(`DELETE FROM "ErrorGroupUser" WHERE "groupId" IN (SELECT id FROM "ErrorGroup" WHERE "projectId" = $1)`, [target.projectId]);
  await p.query(`DELETE FROM "ErrorGroupAgent" WHERE "groupId" IN (SELECT id FROM "ErrorGroup" WHERE "projectId" = $1)`, [target.projectId]);
  await p.query(`DELETE FROM "Workspace" WHERE id = $1`, [target.workspaceId]);
}
