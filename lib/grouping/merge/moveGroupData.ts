import type pg from "pg";

/**
 * Moves everything counted per group from `sources` onto `target` — hourly/daily/weekly rollups
 * (re-labelled with the target's severity, with the per-project daily totals corrected so a
 * group-day counts once), cascade links, and the distinct user/agent sets — in the caller's
 * transaction. Counters on the group rows are the caller's.
 */
export async function moveGroupRollups(client: pg.PoolClient, sources: string[], target: { id: string; severity: string; workspaceId: string; projectId: string }): Promise<void> {
  const args = [sources, target.id, target.severity, target.workspaceId, target.projectId];
  // Distinct errors per project-day: each source group-day stops counting; a day the target had no row gains one.
  await client.query(
    `WITH src AS (SELECT day, severity::text AS severity, count, "creditsLost" FROM "ErrorDaily" WHERE "groupId" = ANY($1::uuid[])),
     fresh AS (SELECT DISTINCT day FROM src WHERE NOT EXISTS (SELECT 1 FROM "ErrorDaily" t WHERE t."groupId" = $2::uuid AND t.day = src.day)),
     deltas AS (
       SELECT day, severity, -sum(count)::int AS n, -count(*)::int AS e FROM src GROUP BY day, severity
       UNION ALL SELECT day, $3::text, sum(count)::int, 0 FROM src GROUP BY day
       UNION ALL SELECT day, $3::text, 0, 1 FROM fresh
     )
     INSERT INTO "ProjectDaily" ("workspaceId", "projectId", day, severity, shard, count, errors)
     SELECT $4::uuid, $5::uuid, day, severity::"Severity", 0, sum(n)::int, sum(e)::int FROM deltas GROUP BY day, severity
     ON CONFLICT ("workspaceId", "projectId", day, severity, shard) DO UPDATE SET
       count = "ProjectDaily".count + excluded.count, errors = "ProjectDaily".errors + excluded.errors`,
    args,
  );
  await client.query(
    `INSERT INTO "ErrorHourly" ("groupId", bucket, environment, "workspaceId", "projectId", severity, count, "creditsLost")
     SELECT $2::uuid, bucket, environment, $4::uuid, $5::uuid, $3::"Severity", sum(count)::int, sum("creditsLost")
     FROM "ErrorHourly" WHERE "groupId" = ANY($1::uuid[]) GROUP BY bucket, environment
     ON CONFLICT ("groupId", bucket, environment) DO UPDATE SET
       count = "ErrorHourly".count + excluded.count, "creditsLost" = "ErrorHourly"."creditsLost" + excluded."creditsLost"`,
    args,
  );
  await client.query(
    `INSERT INTO "ErrorDaily" ("groupId", day, "workspaceId", "projectId", severity, count, "creditsLost")
     SELECT $2::uuid, day, $4::uuid, $5::uuid, $3::"Severity", sum(count)::int, sum("creditsLost")
     FROM "ErrorDaily" WHERE "groupId" = ANY($1::uuid[]) GROUP BY day
     ON CONFLICT ("groupId", day) DO UPDATE SET
       count = "ErrorDaily".count + excluded.count, "creditsLost" = "ErrorDaily"."creditsLost" + excluded."creditsLost"`,
    args,
  );
  await client.query(
    `INSERT INTO "ErrorWeekly" ("groupId", week, "workspaceId", "projectId", severity, count, "creditsLost")
     SELECT $2::uuid, week, $4::uuid, $5::uuid, $3::"Severity", sum(count)::int, sum("creditsLost")
     FROM "ErrorWeekly" WHERE "groupId" = ANY($1::uuid[]) GROUP BY week
     ON CONFLICT ("groupId", week) DO UPDATE SET
       count = "ErrorWeekly".count + excluded.count, "creditsLost" = "ErrorWeekly"."creditsLost" + excluded."creditsLost"`,
    args,
  );
  await client.query(
    `INSERT INTO "CascadeDaily" ("workspaceId", "parentGroupId", "childGroupId", day, count, "creditsLost")
     SELECT "workspaceId", p, c, day, sum(count)::int, sum("creditsLost") FROM (
       SELECT "workspaceId", CASE WHEN "parentGroupId" = ANY($1::uuid[]) THEN $2::uuid ELSE "parentGroupId" END AS p,
              CASE WHEN "childGroupId" = ANY($1::uuid[]) THEN $2::uuid ELSE "childGroupId" END AS c, day, count, "creditsLost"
       FROM "CascadeDaily" WHERE "parentGroupId" = ANY($1::uuid[]) OR "childGroupId" = ANY($1::uuid[])
     ) x GROUP BY 1, 2, 3, 4
     ON CONFLICT ("parentGroupId", "childGroupId", day) DO UPDATE SET
       count = "CascadeDaily".count + excluded.count, "creditsLost" = "CascadeDaily"."creditsLost" + excluded."creditsLost"`,
    [sources, target.id],
  );
  await client.query(
    `INSERT INTO "ErrorGroupUser" ("groupId", "userId", "firstSeen")
     SELECT $2::uuid, "userId", min("firstSeen") FROM "ErrorGroupUser" WHERE "groupId" = ANY($1::uuid[]) GROUP BY "userId"
     ON CONFLICT ("groupId", "userId") DO UPDATE SET "firstSeen" = LEAST("ErrorGroupUser"."firstSeen", excluded."firstSeen")`,
    [sources, target.id],
  );
  await client.query(
    `INSERT INTO "ErrorGroupAgent" ("groupId", "agentId", "firstSeen")
     SELECT $2::uuid, "agentId", min("firstSeen") FROM "ErrorGroupAgent" WHERE "groupId" = ANY($1::uuid[]) GROUP BY "agentId"
     ON CONFLICT ("groupId", "agentId") DO UPDATE SET "firstSeen" = LEAST("ErrorGroupAgent"."firstSeen", excluded."firstSeen")`,
    [sources, target.id],
  );
  for (const table of ["ErrorHourly", "ErrorDaily", "ErrorWeekly", "ErrorGroupUser", "ErrorGroupAgent"]) {
    await client.query(`DELETE FROM "${table}" WHERE "groupId" = ANY($1::uuid[])`, [sources]);
  }
  await client.query(`DELETE FROM "CascadeDaily" WHERE "parentGroupId" = ANY($1::uuid[]) OR "childGroupId" = ANY($1::uuid[])`, [sources]);
}

/**
 * Open alerts of merged groups move to the target; where the target (or an earlier source) already
 * has an open alert of the same rule, the extra one is resolved as merged. Closed alerts just move.
 */
export async function moveGroupAlerts(client: pg.PoolClient, sources: string[], targetId: string): Promise<void> {
  await client.query(
    `WITH open AS (
       SELECT id, "ruleId", row_number() OVER (PARTITION BY "ruleId" ORDER BY "firedAt", id) AS rn
       FROM "Alert" WHERE "errorGroupId" = ANY($1::uuid[]) AND "dedupKey" IS NOT NULL
     ), taken AS (SELECT "ruleId" FROM "Alert" WHERE "errorGroupId" = $2::uuid AND "dedupKey" IS NOT NULL)
     UPDATE "Alert" a SET
       "dedupKey" = CASE WHEN o.rn = 1 AND a."ruleId" IS NOT NULL AND a."ruleId" NOT IN (SELECT "ruleId" FROM taken WHERE "ruleId" IS NOT NULL)
                         THEN a."ruleId"::text || ':' || $2::text ELSE NULL END,
       status = CASE WHEN o.rn = 1 AND a."ruleId" IS NOT NULL AND a."ruleId" NOT IN (SELECT "ruleId" FROM taken WHERE "ruleId" IS NOT NULL)
                     THEN a.status ELSE 'resolved'::"AlertStatus" END,
       "resolvedAt" = CASE WHEN o.rn = 1 AND a."ruleId" IS NOT NULL AND a."ruleId" NOT IN (SELECT "ruleId" FROM taken WHERE "ruleId" IS NOT NULL)
                           THEN a."resolvedAt" ELSE now() END,
       resolution = CASE WHEN o.rn = 1 AND a."ruleId" IS NOT NULL AND a."ruleId" NOT IN (SELECT "ruleId" FROM taken WHERE "ruleId" IS NOT NULL)
                         THEN a.resolution ELSE 'merged into another issue' END,
       "nextEscalationAt" = CASE WHEN o.rn = 1 AND a."ruleId" IS NOT NULL AND a."ruleId" NOT IN (SELECT "ruleId" FROM taken WHERE "ruleId" IS NOT NULL)
                                 THEN a."nextEscalationAt" ELSE NULL END
     FROM open o WHERE a.id = o.id`,
    [sources, targetId],
  );
  await client.query(`UPDATE "Alert" SET "errorGroupId" = $2::uuid, "updatedAt" = now() WHERE "errorGroupId" = ANY($1::uuid[])`, [sources, targetId]);
}
