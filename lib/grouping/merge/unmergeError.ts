import type pg from "pg";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanTriage } from "@/lib/auth/permissions";
import { withTransaction } from "@/lib/db/pool";
import { saturatingSumSql } from "@/lib/db/saturatingCounter";
import { findVisibleError } from "@/lib/errors/findVisibleError";
import type { UnmergeErrorInput } from "@/lib/grouping/merge/mergeSchemas";
import { splitGroupTags } from "@/lib/grouping/merge/moveGroupTriage";
import { recomputeViewBits, relabelUnmergedSeverity, shiftViewGroupRollups } from "@/lib/grouping/merge/moveViewRollups";
import { lockLiveProject } from "@/lib/grouping/store/projectWriteLock";
import { ApiError } from "@/lib/http/ApiError";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { groupIdFor } from "@/lib/ingest/storeEvents";
import { recomputeFirstRelease } from "@/lib/grouping/merge/recomputeFirstRelease";

export interface UnmergeResult {
  errorId: string;
  created: { errorId: string; fingerprint: string; occurrences: number }[];
}

/**
 * Splits fingerprints off an issue (members and admins): each fingerprint's events move to an issue
 * of its own (status new; the id its fingerprint always maps to), with their rollups, users, agents
 * and cascade links; its future events go there too. The issue's own fingerprint cannot be split off.
 */
export async function unmergeError(auth: AuthContext, errorId: string, input: UnmergeErrorInput): Promise<UnmergeResult> {
  const group = await findVisibleError(auth, errorId);
  assertCanTriage(auth, group.workspaceId);
  const own = input.fingerprints.findIndex((fp) => fp === group.fingerprint);
  if (own >= 0) {
    throw ApiError.validation(`fingerprints[${own}]: the issue's own fingerprint cannot be split off`, [{ path: `fingerprints[${own}]`, message: "is the issue's own fingerprint" }]);
  }
  const actorId = auth.kind === "user" ? auth.userId : null;

  return withTransaction(async (client) => {
    // The project's grouping lock, exclusively; a project whose deletion began is not written to.
    if (!(await lockLiveProject(client, group.projectId, "exclusive"))) throw ApiError.notFound("error not found");
    const { rows: targetRows } = await client.query<{ severity: string }>(`SELECT severity::text FROM "ErrorGroup" WHERE id = $1::uuid FOR UPDATE`, [group.id]);
    if (targetRows.length === 0) throw ApiError.notFound("error not found");

    const { rows: known } = await client.query<{ fingerprint: string }>(
      `SELECT fingerprint FROM "GroupFingerprint" WHERE "groupId" = $1::uuid AND fingerprint = ANY($2::text[])
       UNION SELECT DISTINCT fingerprint FROM "ErrorOccurrence" WHERE "groupId" = $1::uuid AND fingerprint = ANY($2::text[])`,
      [group.id, input.fingerprints],
    );
    const knownSet = new Set(known.map((r) => r.fingerprint));
    const missing = input.fingerprints.findIndex((fp) => !knownSet.has(fp));
    if (missing >= 0) {
      throw ApiError.validation(`fingerprints[${missing}]: not a fingerprint of this issue`, [{ path: `fingerprints[${missing}]`, message: "not a fingerprint of this issue" }]);
    }

    const created: UnmergeResult["created"] = [];
    for (const fingerprint of input.fingerprints) {
      created.push(await splitOff(client, group, fingerprint));
    }
    await client.query(
      `UPDATE "ErrorGroup" g SET
         "usersAffected" = (SELECT count(*) FROM "ErrorGroupUser" u WHERE u."groupId" = g.id),
         "agentsAffected" = (SELECT count(*) FROM "ErrorGroupAgent" a WHERE a."groupId" = g.id),
         "firstSeen" = coalesce((SELECT min("occurredAt") FROM "ErrorOccurrence" o WHERE o."groupId" = g.id), g."firstSeen"),
         "lastSeen" = coalesce((SELECT max("occurredAt") FROM "ErrorOccurrence" o WHERE o."groupId" = g.id), g."lastSeen"),
         "updatedAt" = now()
       WHERE g.id = ANY($1::uuid[])`,
      [[group.id, ...created.map((c) => c.errorId)]],
    );
    await client.query(
      `INSERT INTO "AuditLog" (id, "workspaceId", "actorId", "actorType", action, "targetType", "targetId", before, after)
       SELECT x.id, $1::uuid, $2::uuid, 'user', x.action, 'error', x."targetId", x.before, x.after
       FROM jsonb_to_recordset($3::jsonb) AS x(id uuid, action text, "targetId" text, before jsonb, after jsonb)`,
      [
        group.workspaceId,
        actorId,
        JSON.stringify([
          { id: uuidv7(), action: "error.unmerged", targetId: group.id, before: { fingerprints: input.fingerprints }, after: { created } },
          ...created.map((c) => ({ id: uuidv7(), action: "error.split_from", targetId: c.errorId, before: { errorId: group.id }, after: c })),
        ]),
      ],
    );
    return { errorId: group.id, created };
  });
}

type Group = Awaited<ReturnType<typeof findVisibleError>>;

async function splitOff(client: pg.PoolClient, group: Group, fingerprint: string): Promise<UnmergeResult["created"][number]> {
  const newId = groupIdFor(group.projectId, fingerprint);
  const { rows: clash } = await client.query(`SELECT 1 FROM "ErrorGroup" WHERE id = $1::uuid OR ("projectId" = $2::uuid AND fingerprint = $3)`, [newId, group.projectId, fingerprint]);
  if (clash.length > 0) throw new ApiError(409, "conflict", `an issue with fingerprint ${fingerprint} already exists`);

  // The new issue takes its title and severity from its earliest event.
  const { rows: firstRows } = await client.query<{ message: string; stackTrace: string | null; severity: string; type: string | null; exceptions: unknown }>(
    `SELECT message, "stackTrace", severity::text, exceptions -> 0 ->> 'type' AS type, exceptions FROM "ErrorOccurrence"
     WHERE "groupId" = $1::uuid AND fingerprint = $2 ORDER BY "occurredAt" LIMIT 1`,
    [group.id, fingerprint],
  );
  const first = firstRows[0];
  const severity = first?.severity ?? group.severity;
  await client.query(
    `INSERT INTO "ErrorGroup" (id, "workspaceId", "projectId", fingerprint, type, message, severity, category, source, platform,
       "firstSeen", "lastSeen", "stackTrace", frames, exceptions, context, "updatedAt")
     SELECT $1::uuid, g."workspaceId", g."projectId", $3, coalesce($4, g.type), coalesce($5, g.message), $6::"Severity", g.category, g.source,
       g.platform, g."firstSeen", g."lastSeen", coalesce($7, g."stackTrace"), CASE WHEN $7::text IS NULL THEN g.frames ELSE NULL END,
       CASE WHEN jsonb_typeof($8::jsonb) = 'array' AND jsonb_array_length($8::jsonb) > 1 THEN $8::jsonb ELSE NULL END, g.context, now()
     FROM "ErrorGroup" g WHERE g.id = $2::uuid`,
    [newId, group.id, fingerprint, first?.type ?? null, first?.message ?? null, severity, first?.stackTrace ?? null, first?.exceptions ? JSON.stringify(first.exceptions) : null],
  );
  await client.query(`DELETE FROM "GroupFingerprint" WHERE "projectId" = $1::uuid AND fingerprint = $2`, [group.projectId, fingerprint]);

  const { rows: movedRows } = await client.query<{ id: string }>(
    `UPDATE "ErrorOccurrence" SET "groupId" = $2::uuid WHERE "groupId" = $1::uuid AND fingerprint = $3 RETURNING id::text`,
    [group.id, newId, fingerprint],
  );
  const moved = movedRows.map((r) => r.id);
  await client.query(`UPDATE "ErrorEventId" SET "groupId" = $2::uuid WHERE "projectId" = $3::uuid AND "occurrenceId" = ANY($1::uuid[])`, [moved, newId, group.projectId]);
  await shiftRollups(client, moved, group, { id: newId, severity });
  await splitGroupTags(client, moved, group.id, newId, group.workspaceId);
  await recomputeFirstRelease(client, [group.id, newId]);
  return { errorId: newId, fingerprint, occurrences: moved.length };
}

/** Takes the moved events' share of every per-group count from the old issue and gives it to the new one. */
async function shiftRollups(client: pg.PoolClient, moved: string[], from: Group, to: { id: string; severity: string }): Promise<void> {
  if (moved.length === 0) return;
  await client.query(
    `CREATE TEMP TABLE unmerge_moved ON COMMIT DROP AS
     SELECT id, "occurredAt", coalesce(environment, '') AS environment, "creditsLost", "executionsAffected", "userId", "agentId", "parentOccurrenceId",
       recovered, "recoveryMethod", "recoveryAutomatic", "recoveryDurationMs", (("occurredAt" AT TIME ZONE 'UTC')::date) AS day
     FROM "ErrorOccurrence" WHERE id = ANY($1::uuid[])`,
    [moved],
  );
  // Per-project daily totals: the old issue's group-days that empty stop counting, the new issue's all count.
  await client.query(
    `WITH d AS (SELECT day, count(*)::int AS n FROM unmerge_moved GROUP BY day),
     old AS (SELECT ed.day, ed.severity::text AS severity, d.n, (ed.count - d.n <= 0) AS emptied FROM "ErrorDaily" ed JOIN d ON d.day = ed.day WHERE ed."groupId" = $1::uuid),
     deltas AS (SELECT day, severity, -n AS n, -(CASE WHEN emptied THEN 1 ELSE 0 END) AS e FROM old UNION ALL SELECT day, $2::text, n, 1 FROM d)
     INSERT INTO "ProjectDaily" ("workspaceId", "projectId", day, severity, shard, count, errors)
     SELECT $3::uuid, $4::uuid, day, severity::"Severity", 0, sum(n)::int, sum(e)::int FROM deltas GROUP BY day, severity
     ON CONFLICT ("workspaceId", "projectId", day, severity, shard) DO UPDATE SET
       count = "ProjectDaily".count + excluded.count, errors = "ProjectDaily".errors + excluded.errors`,
    [from.id, to.severity, from.workspaceId, from.projectId],
  );
  const rollups: [string, string, string][] = [
    ["ErrorHourly", `date_trunc('hour', "occurredAt") AS bucket, environment`, `bucket, environment`],
    ["ErrorDaily", `day`, `day`],
    ["ErrorWeekly", `day - (extract(isodow FROM day)::int - 1) AS week`, `week`],
  ];
  for (const [table, select, key] of rollups) {
    const keyCols = key.split(", ");
    const join = keyCols.map((k) => `t.${k} = x.${k}`).join(" AND ");
    await client.query(
      `UPDATE "${table}" t SET count = t.count - x.n, "creditsLost" = t."creditsLost" - x.credits
       FROM (SELECT ${select}, count(*)::int AS n, sum("creditsLost") AS credits FROM unmerge_moved GROUP BY ${key}) x
       WHERE t."groupId" = $1::uuid AND ${join}`,
      [from.id],
    );
    await client.query(`DELETE FROM "${table}" WHERE "groupId" = $1::uuid AND count <= 0`, [from.id]);
    await client.query(
      `INSERT INTO "${table}" ("groupId", ${key}, "workspaceId", "projectId", severity, count, "creditsLost")
       SELECT $1::uuid, ${key}, $2::uuid, $3::uuid, $4::"Severity", n, credits
       FROM (SELECT ${select}, count(*)::int AS n, sum("creditsLost") AS credits FROM unmerge_moved GROUP BY ${key}) x`,
      [to.id, from.workspaceId, from.projectId, to.severity],
    );
  }
  const viewTarget = { id: to.id, severity: to.severity, workspaceId: from.workspaceId, projectId: from.projectId };
  await shiftViewGroupRollups(client, from.id, viewTarget);
  await relabelUnmergedSeverity(client, from.severity, viewTarget);
  await recomputeViewBits(client, [from.id, to.id]);
  // Cascade links of the moved events, as parent and as child.
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
  // Distinct users and agents: the new issue gets the moved events' ones; the old keeps those it still has events of.
  for (const [table, col] of [["ErrorGroupUser", "userId"], ["ErrorGroupAgent", "agentId"]] as const) {
    await client.query(
      `INSERT INTO "${table}" ("groupId", "${col}", "firstSeen")
       SELECT $1::uuid, "${col}", min("occurredAt") FROM unmerge_moved WHERE "${col}" IS NOT NULL GROUP BY "${col}"
       ON CONFLICT DO NOTHING`,
      [to.id],
    );
    await client.query(
      `DELETE FROM "${table}" t WHERE t."groupId" = $1::uuid AND t."${col}" IN (SELECT "${col}" FROM unmerge_moved)
         AND NOT EXISTS (SELECT 1 FROM "ErrorOccurrence" o WHERE o."groupId" = $1::uuid AND o."${col}" = t."${col}")`,
      [from.id],
    );
  }
  await client.query(
    `WITH m AS (SELECT count(*)::int AS n, coalesce(sum("creditsLost"), 0) AS credits, coalesce(${saturatingSumSql(`"executionsAffected"`)}, 0) AS executions FROM unmerge_moved)
     UPDATE "ErrorGroup" g SET
       "occurrenceCount" = CASE WHEN g.id = $1::uuid THEN g."occurrenceCount" - m.n ELSE m.n END,
       "creditsLost" = CASE WHEN g.id = $1::uuid THEN g."creditsLost" - m.credits ELSE m.credits END,
       -- Saturated counters are bounds, not sums: what stays is never below zero.
       "executionsAffected" = CASE WHEN g.id = $1::uuid THEN GREATEST(g."executionsAffected" - m.executions, 0) ELSE m.executions END
     FROM m WHERE g.id IN ($1::uuid, $2::uuid)`,
    [from.id, to.id],
  );
  await client.query(`DROP TABLE unmerge_moved; DROP TABLE unmerge_links`);
}
