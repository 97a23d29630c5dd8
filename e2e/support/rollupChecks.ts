import { expect } from "vitest";
import { actorCountsFolded, query } from "@/e2e/support/dbCounts";

/**
 * Every view rollup row of the project next to the same figure counted on its occurrences. A
 * per-project or per-user row a merge relabelled down to 0 reads as no row (readers sum). A merge
 * right after ingest relabels events whose per-user counts are still pending: the sums agree anyway.
 */
export async function expectRollupsMatchOccurrences(projectId: string, more: [string, string][] = []) {
  // The per-actor rows come from the actor-fold job: compared once it has taken every pending row.
  await actorCountsFolded(projectId);
  const checks: [string, string][] = [
    [
      `SELECT "groupId", bucket AS at, environment, count FROM "ErrorFiveMinute" WHERE "projectId" = $1`,
      `SELECT "groupId", date_bin('5 minutes', "occurredAt", TIMESTAMPTZ 'epoch') AS at, coalesce(environment, '') AS environment, count(*)::int AS count FROM "ErrorOccurrence" WHERE "projectId" = $1 GROUP BY 1, 2, 3`,
    ],
    [
      `SELECT "groupId", day AS at, environment, count, hours FROM "ErrorEnvDaily" WHERE "projectId" = $1`,
      `SELECT "groupId", ("occurredAt" AT TIME ZONE 'UTC')::date AS at, coalesce(environment, '') AS environment, count(*)::int AS count,
         bit_or(1 << extract(hour FROM "occurredAt" AT TIME ZONE 'UTC')::int) AS hours FROM "ErrorOccurrence" WHERE "projectId" = $1 GROUP BY 1, 2, 3`,
    ],
    [
      `SELECT "groupId", day AS at, count, hours FROM "ErrorDaily" WHERE "projectId" = $1`,
      `SELECT "groupId", ("occurredAt" AT TIME ZONE 'UTC')::date AS at, count(*)::int AS count,
         bit_or(1 << extract(hour FROM "occurredAt" AT TIME ZONE 'UTC')::int) AS hours FROM "ErrorOccurrence" WHERE "projectId" = $1 GROUP BY 1, 2`,
    ],
    [
      `SELECT "groupId", week AS at, environment, count, days FROM "ErrorEnvWeekly" WHERE "projectId" = $1`,
      `SELECT "groupId", date_trunc('week', "occurredAt" AT TIME ZONE 'UTC')::date AS at, coalesce(environment, '') AS environment, count(*)::int AS count,
         bit_or(1 << (extract(isodow FROM "occurredAt" AT TIME ZONE 'UTC')::int - 1)) AS days FROM "ErrorOccurrence" WHERE "projectId" = $1 GROUP BY 1, 2, 3`,
    ],
    [
      `SELECT span, bucket AS at, environment, severity::text, sum(count)::int AS count FROM "ProjectBucket" WHERE "projectId" = $1 GROUP BY 1, 2, 3, 4 HAVING sum(count) <> 0`,
      `SELECT s.span::smallint AS span, date_bin(make_interval(mins => s.span), o."occurredAt", TIMESTAMPTZ 'epoch') AS at, coalesce(o.environment, '') AS environment,
         g.severity::text, count(*)::int AS count
       FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId" CROSS JOIN (VALUES (60), (1440)) AS s(span) WHERE o."projectId" = $1 GROUP BY 1, 2, 3, 4`,
    ],
    [
      `SELECT kind, span, start AS at, "actorId", environment, severity::text, count FROM "ActorCount" WHERE "projectId" = $1 AND count <> 0`,
      `SELECT a.kind, s.span::smallint AS span, date_bin(make_interval(mins => s.span), o."occurredAt", TIMESTAMPTZ '2000-01-03 00:00:00+00') AS at, a.id AS "actorId",
         coalesce(o.environment, '') AS environment, g.severity::text, count(*)::int AS count
       FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId"
       CROSS JOIN LATERAL (VALUES ('user', o."userId"), ('agent', o."agentId")) AS a(kind, id) CROSS JOIN (VALUES (60), (1440), (10080)) AS s(span)
       WHERE o."projectId" = $1 AND a.id IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6`,
    ],
    [
      `SELECT kind, bucket AS at, "actorId", environment, severity::text, count FROM "ActorFiveMinute" WHERE "projectId" = $1 AND count <> 0`,
      `SELECT a.kind, date_bin('5 minutes', o."occurredAt", TIMESTAMPTZ 'epoch') AS at, a.id AS "actorId", coalesce(o.environment, '') AS environment,
         g.severity::text, count(*)::int AS count
       FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId" CROSS JOIN LATERAL (VALUES ('user', o."userId"), ('agent', o."agentId")) AS a(kind, id)
       WHERE o."projectId" = $1 AND a.id IS NOT NULL GROUP BY 1, 2, 3, 4, 5`,
    ],
    [
      `SELECT day AS at, environment, severity::text, method, recovered, automatic, count, "durationSumMs"::int AS ms, "durationCount" AS timed
       FROM "RecoveryDaily" WHERE "projectId" = $1 AND count <> 0`,
      `SELECT (o."occurredAt" AT TIME ZONE 'UTC')::date AS at, coalesce(o.environment, '') AS environment, g.severity::text, coalesce(o."recoveryMethod", '') AS method,
         o.recovered, o."recoveryAutomatic" IS DISTINCT FROM false AS automatic, count(*)::int AS count, coalesce(sum(o."recoveryDurationMs"), 0)::int AS ms,
         count(o."recoveryDurationMs")::int AS timed
       FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId" WHERE o."projectId" = $1 AND o.recovered IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6`,
    ],
    [
      `SELECT day AS at, environment, severity::text, "durationMs", count FROM "RecoveryDurationDaily" WHERE "projectId" = $1 AND count <> 0`,
      `SELECT (o."occurredAt" AT TIME ZONE 'UTC')::date AS at, coalesce(o.environment, '') AS environment, g.severity::text,
         faultline_recovery_ms(o."recoveryDurationMs") AS "durationMs", count(*)::int AS count
       FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId"
       WHERE o."projectId" = $1 AND o.recovered AND o."recoveryAutomatic" IS DISTINCT FROM false AND o."recoveryDurationMs" IS NOT NULL GROUP BY 1, 2, 3, 4`,
    ],
  ];
  checks.push(...more);
  const normalise = (rows: Record<string, unknown>[]) =>
    rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, val]) => [k, val instanceof Date ? val.toISOString() : val])))).sort();
  for (const [rollup, truth] of checks) {
    expect(normalise(await query(rollup, [projectId])), rollup).toEqual(normalise(await query(truth, [projectId])));
  }
}

