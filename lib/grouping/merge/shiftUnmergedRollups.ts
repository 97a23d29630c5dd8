import type pg from "pg";
import { recomputeViewBits, relabelUnmergedSeverity, shiftViewGroupRollups } from "@/lib/grouping/merge/moveViewRollups";

export interface UnmergeSide {
  id: string;
  severity: string;
  workspaceId: string;
  projectId: string;
}

/** The split-off events per hour and environment (the caller's temp table unmerge_shift, span 60), with their UTC day. */
const HOURS = `SELECT bucket, environment, n, credits, (bucket AT TIME ZONE 'UTC')::date AS day FROM unmerge_shift WHERE span = 60`;

/**
 * Unmerge: takes the split-off events' share of every per-group rollup from the old issue and gives
 * it to the new one. Reads the caller's temp tables: unmerge_shift (span 5 or 60, bucket,
 * environment, n, credits — every event of the fingerprint, stored or not, when its counts are
 * exact: lib/grouping/merge/unmergeError.ts) and unmerge_moved (the occurrences moved, for their
 * cascade links and the per-user/recovery relabelling, which only stored events can give).
 */
export async function shiftUnmergedRollups(client: pg.PoolClient, from: UnmergeSide, to: UnmergeSide): Promise<void> {
  // Per-project daily totals: the old issue's group-days that empty stop counting, the new issue's all count.
  await client.query(
    `WITH d AS (SELECT day, sum(n)::int AS n FROM (${HOURS}) h GROUP BY day),
     old AS (SELECT ed.day, ed.severity::text AS severity, d.n, (ed.count - d.n <= 0) AS emptied FROM "ErrorDaily" ed JOIN d ON d.day = ed.day WHERE ed."groupId" = $1::uuid),
     deltas AS (SELECT day, severity, -n AS n, -(CASE WHEN emptied THEN 1 ELSE 0 END) AS e FROM old UNION ALL SELECT day, $2::text, n, 1 FROM d)
     INSERT INTO "ProjectDaily" ("workspaceId", "projectId", day, severity, shard, count, errors)
     SELECT $3::uuid, $4::uuid, day, severity::"Severity", 0, sum(n)::int, sum(e)::int FROM deltas GROUP BY day, severity
     ON CONFLICT ("workspaceId", "projectId", day, severity, shard) DO UPDATE SET
       count = "ProjectDaily".count + excluded.count, errors = "ProjectDaily".errors + excluded.errors`,
    [from.id, to.severity, from.workspaceId, from.projectId],
  );
  const rollups: [string, string, string][] = [
    ["ErrorHourly", `bucket, environment`, `bucket, environment`],
    ["ErrorDaily", `day`, `day`],
    ["ErrorWeekly", `day - (extract(isodow FROM day)::int - 1) AS week`, `week`],
  ];
  for (const [table, select, key] of rollups) {
    const join = key.split(", ").map((k) => `t.${k} = x.${k}`).join(" AND ");
    const moved = `SELECT ${select}, sum(n)::int AS n, sum(credits) AS credits FROM (${HOURS}) h GROUP BY ${key}`;
    await client.query(
      `UPDATE "${table}" t SET count = t.count - x.n, "creditsLost" = t."creditsLost" - x.credits FROM (${moved}) x WHERE t."groupId" = $1::uuid AND ${join}`,
      [from.id],
    );
    await client.query(`DELETE FROM "${table}" WHERE "groupId" = $1::uuid AND count <= 0`, [from.id]);
    await client.query(
      `INSERT INTO "${table}" ("groupId", ${key}, "workspaceId", "projectId", severity, count, "creditsLost")
       SELECT $1::uuid, ${key}, $2::uuid, $3::uuid, $4::"Severity", n, credits FROM (${moved}) x
       ON CONFLICT ("groupId", ${key}) DO UPDATE SET count = "${table}".count + excluded.count, "creditsLost" = "${table}"."creditsLost" + excluded."creditsLost"`,
      [to.id, from.workspaceId, from.projectId, to.severity],
    );
  }
  await shiftViewGroupRollups(client, from.id, to);
  await relabelUnmergedSeverity(client, from.severity, to);
  await recomputeViewBits(client, [from.id, to.id]);
  await shiftCascades(client, from, to);
}

/** Cascade links of the moved (stored) occurrences, as parent and as child. */
async function shiftCascades(client: pg.PoolClient, from: UnmergeSide, to: UnmergeSide): Promise<void> {
  await client.query(
    `CREATE TEMP TABLE unmerge_links ON COMMIT DROP AS
     SELECT old_parent, new_parent, old_child, new_child, day, count(*)::int AS n, sum("creditsLost") AS credits FROM (
       SELECT p."groupId" AS old_parent, p."groupId" AS new_parent, $1::uuid AS old_child, $2::uuid AS new_child, m.day, m."creditsLost"
       FROM unmerge_moved m JOIN "ErrorOccurrence" p ON p.id = m."parentOccurrenceId" WHERE p.id NOT IN (SELECT id FROM unmerge_moved)
       UNION ALL
       SELECT $1::uuid, $2::uuid, c."groupId", c."groupId", (c."occurredAt" AT TIME ZONE 'UTC')::date, c."creditsLost"
       FROM "ErrorOccurrence" c JOIN unmerge_moved m ON c."parentOccurrenceId" = m.id WHERE c.id NOT IN (SELECT id FROM unmerge_moved)
     ) l GROUP BY 1, 2, 3, 4, 5`,
    [from.id, to.id],
  );
  await client.query(
    `UPDATE "CascadeDaily" cd SET count = cd.count - l.n, "creditsLost" = cd."creditsLost" - l.credits
     FROM unmerge_links l WHERE cd."parentGroupId" = l.old_parent AND cd."childGroupId" = l.old_child AND cd.day = l.day`,
  );
  await client.query(
    `INSERT INTO "CascadeDaily" ("workspaceId", "parentGroupId", "childGroupId", day, count, "creditsLost")
     SELECT $1::uuid, new_parent, new_child, day, n, credits FROM unmerge_links
     ON CONFLICT ("parentGroupId", "childGroupId", day) DO UPDATE SET
       count = "CascadeDaily".count + excluded.count, "creditsLost" = "CascadeDaily"."creditsLost" + excluded."creditsLost"`,
    [from.workspaceId],
  );
  // A moved event's child links counted on the old issue's cascadingFailures.
  await client.query(
    `WITH c AS (SELECT coalesce(sum(n), 0)::int AS n FROM unmerge_links WHERE old_parent = $1::uuid)
     UPDATE "ErrorGroup" g SET "cascadingFailures" = CASE WHEN g.id = $1::uuid THEN greatest(0, g."cascadingFailures" - c.n) ELSE g."cascadingFailures" + c.n END
     FROM c WHERE g.id IN ($1::uuid, $2::uuid)`,
    [from.id, to.id],
  );
  await client.query(`DELETE FROM "CascadeDaily" WHERE ("parentGroupId" = $1::uuid OR "childGroupId" = $1::uuid) AND count <= 0`, [from.id]);
  await client.query(`DROP TABLE unmerge_links`);
}
