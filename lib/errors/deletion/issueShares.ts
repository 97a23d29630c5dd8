import type pg from "pg";
import { recomputeViewBits } from "@/lib/grouping/merge/moveViewRollups";

/** A deleted event's tag as its issue's tag rollup counted it (lib/ingest/eventTags.ts). */
export interface PurgedTag {
  projectId: string;
  eventId: string;
  key: string;
  value: string;
}

/**
 * When some of an issue's events are deleted and the issue stays (an end user's erasure), what they
 * counted on it comes off, as the ingest statement added it (lib/ingest/storeEvents.ts) — read from
 * purged_events, the batch's deleted occurrences (lib/errors/deletion/eventShares.ts), in its
 * transaction: the issue's counters (events, credits lost, executions affected), its per-issue
 * rollups per 5 minutes, hour, day and week and environment (a row left at 0 is deleted, and the
 * hour and day bits of those days recomputed), its share of the per-project buckets and daily totals
 * (a distinct issue-day less where its daily row went), its tag rollup (`tags`: the events' tags,
 * computed from the stored events by the caller), what a merged fingerprint counted apart for an
 * unmerge, the cascades the events were the child of, and their users and agents who have no event
 * left in the issue (leaveActorSets). Returns the issues touched with the events they have left.
 */
export async function subtractIssueShares(client: pg.PoolClient, tags: PurgedTag[]): Promise<{ id: string; workspaceId: string; projectId: string; occurrences: number }[]> {
  await client.query(`CREATE TEMP TABLE purged_in ON COMMIT DROP AS
    SELECT e.*, g.severity, g.fingerprint <> coalesce(e.fingerprint, g.fingerprint) AS "otherFingerprint",
      (e."occurredAt" AT TIME ZONE 'UTC')::date AS day
    FROM purged_events e JOIN "ErrorGroup" g ON g.id = e."groupId" WHERE e."occurredAt" IS NOT NULL`);
  const { rows: groups } = await client.query<{ id: string }>(`SELECT DISTINCT "groupId" AS id FROM purged_in`);
  if (groups.length === 0) return [];
  const groupIds = groups.map((g) => g.id);

  // Per-issue rollups: only rows that exist (one pruned or past retention is not made negative).
  const week = `day - (extract(isodow FROM day)::int - 1)`;
  const rollups: [string, string, string][] = [
    ["ErrorFiveMinute", `date_bin('5 minutes', "occurredAt", TIMESTAMPTZ 'epoch') AS bucket, environment`, "bucket, environment"],
    ["ErrorHourly", `date_trunc('hour', "occurredAt") AS bucket, environment`, "bucket, environment"],
    ["ErrorDaily", `day`, "day"],
    ["ErrorWeekly", `${week} AS week`, "week"],
    ["ErrorEnvDaily", `day, environment`, "day, environment"],
    ["ErrorEnvWeekly", `${week} AS week, environment`, "week, environment"],
  ];
  for (const [table, select, key] of rollups) {
    const join = key.split(", ").map((k) => `t.${k} = x.${k}`).join(" AND ");
    await client.query(
      `UPDATE "${table}" t SET count = t.count - x.n, "creditsLost" = t."creditsLost" - x.credits
       FROM (SELECT "groupId", ${select}, count(*)::int AS n, coalesce(sum("creditsLost"), 0) AS credits FROM purged_in GROUP BY 1, ${key}) x
       WHERE t."groupId" = x."groupId" AND ${join}`,
    );
  }
  // A day an issue no longer had events in stops counting as one of its distinct errors that day.
  await client.query(
    `WITH gone AS (DELETE FROM "ErrorDaily" WHERE "groupId" = ANY($1::uuid[]) AND count <= 0 RETURNING "workspaceId", "projectId", day, severity)
     INSERT INTO "ProjectDaily" ("workspaceId", "projectId", day, severity, shard, count, errors)
     SELECT "workspaceId", "projectId", day, severity, 0, 0, -count(*)::int FROM gone GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
     ON CONFLICT ("workspaceId", "projectId", day, severity, shard) DO UPDATE SET errors = "ProjectDaily".errors + excluded.errors`,
    [groupIds],
  );
  for (const [table] of rollups) {
    if (table !== "ErrorDaily") await client.query(`DELETE FROM "${table}" WHERE "groupId" = ANY($1::uuid[]) AND count <= 0`, [groupIds]);
  }
  await recomputeViewBits(client, groupIds);

  await client.query(
    `INSERT INTO "ProjectDaily" ("workspaceId", "projectId", day, severity, shard, count, errors)
     SELECT "workspaceId", "projectId", day, severity, 0, -count(*)::int, 0 FROM purged_in GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
     ON CONFLICT ("workspaceId", "projectId", day, severity, shard) DO UPDATE SET count = "ProjectDaily".count + excluded.count`,
  );
  await client.query(
    `INSERT INTO "ProjectBucket" ("workspaceId", span, bucket, "projectId", environment, severity, shard, count)
     SELECT e."workspaceId", s.span, date_bin(make_interval(mins => s.span), e."occurredAt", TIMESTAMPTZ 'epoch'), e."projectId", e.environment, e.severity, 0, -count(*)::int
     FROM purged_in e CROSS JOIN (VALUES (60), (1440)) AS s(span)
     GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
     ON CONFLICT ("workspaceId", span, bucket, "projectId", environment, severity, shard) DO UPDATE SET count = "ProjectBucket".count + excluded.count`,
  );

  // The tag rollup, and what merged fingerprints counted apart (an unmerge moves those counts).
  await client.query(
    `CREATE TEMP TABLE purged_tags ON COMMIT DROP AS
     SELECT e."groupId", e.fingerprint, e."otherFingerprint", t.key, t.value
     FROM jsonb_to_recordset($1::jsonb) AS t("projectId" uuid, "eventId" text, key text, value text)
     JOIN purged_in e ON e."projectId" = t."projectId" AND e."eventId" = t."eventId"`,
    [JSON.stringify(tags)],
  );
  await client.query(
    `UPDATE "ErrorGroupTag" g SET count = g.count - x.n
     FROM (SELECT "groupId", key, value, count(*)::int AS n FROM purged_tags GROUP BY 1, 2, 3) x
     WHERE g."groupId" = x."groupId" AND g.key = x.key AND g.value = x.value`,
  );
  await client.query(`DELETE FROM "ErrorGroupTag" WHERE "groupId" = ANY($1::uuid[]) AND count <= 0`, [groupIds]);
  await client.query(
    `UPDATE "GroupFingerprintTag" g SET count = g.count - x.n
     FROM (SELECT "groupId", fingerprint, key, value, count(*)::int AS n FROM purged_tags WHERE "otherFingerprint" GROUP BY 1, 2, 3, 4) x
     WHERE g."groupId" = x."groupId" AND g.fingerprint = x.fingerprint AND g.key = x.key AND g.value = x.value`,
  );
  await client.query(`DELETE FROM "GroupFingerprintTag" WHERE "groupId" = ANY($1::uuid[]) AND count <= 0`, [groupIds]);
  await client.query(`DROP TABLE purged_tags`);
  await client.query(
    `UPDATE "GroupFingerprintCount" c SET events = greatest(c.events - x.n, 0), "creditsLost" = greatest(c."creditsLost" - x.credits, 0),
       "executionsAffected" = greatest(c."executionsAffected" - x.executions, 0)
     FROM (SELECT "groupId", fingerprint, count(*)::int AS n, coalesce(sum("creditsLost"), 0) AS credits, coalesce(sum("executionsAffected"), 0) AS executions
           FROM purged_in WHERE "otherFingerprint" GROUP BY 1, 2) x
     WHERE c."groupId" = x."groupId" AND c.fingerprint = x.fingerprint`,
  );
  await client.query(
    `UPDATE "GroupFingerprintBucket" b SET count = b.count - x.n, "creditsLost" = b."creditsLost" - x.credits
     FROM (SELECT "groupId", fingerprint, s.span,
             CASE s.span WHEN 60 THEN date_trunc('hour', "occurredAt") ELSE date_bin('5 minutes', "occurredAt", TIMESTAMPTZ 'epoch') END AS bucket,
             environment, count(*)::int AS n, coalesce(sum("creditsLost"), 0) AS credits
           FROM purged_in CROSS JOIN (VALUES (5), (60)) AS s(span) WHERE "otherFingerprint" GROUP BY 1, 2, 3, 4, 5) x
     WHERE b."groupId" = x."groupId" AND b.fingerprint = x.fingerprint AND b.span = x.span AND b.bucket = x.bucket AND b.environment = x.environment`,
  );
  await client.query(`DELETE FROM "GroupFingerprintBucket" WHERE "groupId" = ANY($1::uuid[]) AND count <= 0`, [groupIds]);

  // Cascades they were the child of (their parent's event found by its id, as when they were linked).
  await client.query(
    `CREATE TEMP TABLE purged_cascades ON COMMIT DROP AS
     SELECT p."groupId" AS parent, e."groupId" AS child, e.day, count(*)::int AS n, coalesce(sum(e."creditsLost"), 0) AS credits
     FROM purged_in e JOIN "ErrorEventId" p ON p."projectId" = e."projectId" AND p."eventId" = e."parentEventId"
     WHERE e."parentEventId" IS NOT NULL GROUP BY 1, 2, 3`,
  );
  await client.query(
    `WITH cut AS (
       UPDATE "CascadeDaily" d SET count = d.count - c.n, "creditsLost" = d."creditsLost" - c.credits
       FROM purged_cascades c WHERE d."parentGroupId" = c.parent AND d."childGroupId" = c.child AND d.day = c.day
       RETURNING d."parentGroupId", c.n
     )
     UPDATE "ErrorGroup" g SET "cascadingFailures" = greatest(g."cascadingFailures" - x.n, 0)
     FROM (SELECT "parentGroupId", sum(n)::int AS n FROM cut GROUP BY 1) x WHERE g.id = x."parentGroupId"`,
  );
  await client.query(
    `DELETE FROM "CascadeDaily" d USING purged_cascades c WHERE d."parentGroupId" = c.parent AND d."childGroupId" = c.child AND d.day = c.day AND d.count <= 0`,
  );
  await client.query(`DROP TABLE purged_cascades`);

  const { rows } = await client.query<{ id: string; workspaceId: string; projectId: string; occurrences: number }>(
    `UPDATE "ErrorGroup" g SET "occurrenceCount" = greatest(g."occurrenceCount" - x.n, 0), "creditsLost" = greatest(g."creditsLost" - x.credits, 0),
       "executionsAffected" = greatest(g."executionsAffected" - x.executions, 0), "updatedAt" = now()
     FROM (SELECT "groupId", count(*)::int AS n, coalesce(sum("creditsLost"), 0) AS credits, coalesce(sum("executionsAffected"), 0) AS executions FROM purged_in GROUP BY 1) x
     WHERE g.id = x."groupId"
     RETURNING g.id, g."workspaceId", g."projectId", g."occurrenceCount" AS occurrences`,
  );
  await leaveActorSets(client);
  await client.query(`DROP TABLE purged_in`);
  return rows;
}

/**
 * The per-issue user and agent sets (ErrorGroupUser, ErrorGroupAgent: an issue's users affected) lose
 * a user or agent of the deleted events who has no stored event left in the issue — only where that
 * is known: an issue whose every counted event is stored (none spike-sampled or past retention), so
 * its stored events are its whole history.
 */
async function leaveActorSets(client: pg.PoolClient): Promise<void> {
  const sets: [string, string, string, string][] = [
    ["ErrorGroupUser", "userId", `"userId"`, "usersAffected"],
    ["ErrorGroupAgent", "agentId", `"agentId"`, "agentsAffected"],
  ];
  for (const [table, column, quoted, counter] of sets) {
    await client.query(
      `WITH pairs AS (
         SELECT DISTINCT e."groupId", e."workspaceId", e.${quoted} AS id FROM purged_in e WHERE e.${quoted} IS NOT NULL
       ), whole AS (
         SELECT g.id FROM "ErrorGroup" g WHERE g.id IN (SELECT "groupId" FROM pairs)
           AND g."occurrenceCount" = (SELECT count(*) FROM "ErrorOccurrence" o WHERE o."groupId" = g.id)
       ), gone AS (
         DELETE FROM "${table}" s USING pairs p
         WHERE p."groupId" IN (SELECT id FROM whole) AND s."groupId" = p."groupId" AND s."${column}" = p.id
           AND NOT EXISTS (SELECT 1 FROM "ErrorOccurrence" o WHERE o."workspaceId" = p."workspaceId" AND o.${quoted} = p.id AND o."groupId" = p."groupId")
         RETURNING s."groupId"
       )
       UPDATE "ErrorGroup" g SET "${counter}" = greatest(g."${counter}" - x.n, 0)
       FROM (SELECT "groupId", count(*)::int AS n FROM gone GROUP BY 1) x WHERE g.id = x."groupId"`,
    );
  }
}
