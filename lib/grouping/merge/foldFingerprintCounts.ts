import type pg from "pg";
import { saturatingAddSql } from "@/lib/db/saturatingCounter";

/** A pair's counts added to the target's row of the same fingerprint (executions saturating, as at ingest). */
const ADD_TO_PAIR = `ON CONFLICT ("groupId", fingerprint) DO UPDATE SET
       events = c.events + excluded.events, sampled = c.sampled + excluded.sampled, "creditsLost" = c."creditsLost" + excluded."creditsLost",
       "executionsAffected" = ${saturatingAddSql(`c."executionsAffected"`, `excluded."executionsAffected"`)},
       "firstSeen" = LEAST(c."firstSeen", excluded."firstSeen"), "lastSeen" = GREATEST(c."lastSeen", excluded."lastSeen"),
       "lastSampledAt" = GREATEST(c."lastSampledAt", excluded."lastSampledAt"),
       exact = c.exact AND excluded.exact, "actorsExact" = c."actorsExact" AND excluded."actorsExact"`;

/**
 * Merge, before anything of the sources moves: keeps what each fingerprint brings to the target, so
 * an unmerge can take exactly that away again (docs/grouping.md, "Merge, unmerge").
 *  - The target's own users and agents are kept per fingerprint from now on (tracksOwnActors), taken
 *    whole from its user/agent sets when it holds no other fingerprint yet (else they cannot be told
 *    apart, and it does not track them).
 *  - Each source's own events become the pair (target, source fingerprint): its counts, rollups and
 *    tags less those of the fingerprints it held itself; its users and agents when they can be told
 *    apart (it held no other fingerprint, or tracked its own). Exact when every pair it held was.
 *  - The pairs a source held move to the target as they are.
 * In the caller's transaction, with the grouping lock and the groups' rows locked.
 */

export async function foldFingerprintCounts(client: pg.PoolClient, sources: string[], target: { id: string; projectId: string }): Promise<void> {
  await trackTargetActors(client, target.id);
  const args = [sources, target.id];
  // The sources' own shares (their counts less the pairs they held) join the pairs they held, per source fingerprint.
  await client.query(
    `WITH s AS (
       SELECT g.id, g.fingerprint, g."occurrenceCount", g."sampledCount", g."creditsLost", g."executionsAffected", g."firstSeen", g."lastSeen",
         g."lastSampledAt", g."tracksOwnActors", p.n IS NULL AS alone, coalesce(p.events, 0) AS p_events, coalesce(p.sampled, 0) AS p_sampled,
         coalesce(p.credits, 0) AS p_credits, coalesce(p.executions, 0) AS p_executions, coalesce(p.exact, true) AS exact
       FROM "ErrorGroup" g LEFT JOIN LATERAL (
         SELECT count(*) AS n, sum(c.events) AS events, sum(c.sampled) AS sampled, sum(c."creditsLost") AS credits,
           sum(c."executionsAffected") AS executions, bool_and(c.exact) AS exact
         FROM "GroupFingerprintCount" c WHERE c."groupId" = g.id HAVING count(*) > 0
       ) p ON true
       WHERE g.id = ANY($1::uuid[])
     )
     INSERT INTO "GroupFingerprintCount" AS c ("groupId", fingerprint, events, sampled, "creditsLost", "executionsAffected", "firstSeen", "lastSeen",
       "lastSampledAt", exact, "actorsExact")
     SELECT $2::uuid, s.fingerprint, GREATEST(s."occurrenceCount" - s.p_events, 0), GREATEST(s."sampledCount" - s.p_sampled, 0),
       s."creditsLost" - s.p_credits, GREATEST(s."executionsAffected" - s.p_executions, 0)::int, s."firstSeen", s."lastSeen", s."lastSampledAt",
       s.exact, s."tracksOwnActors" OR s.alone
     FROM s ORDER BY s.fingerprint
     ${ADD_TO_PAIR}`,
    args,
  );
  // Rollup rows: the source's hourly and 5-minute rows less its pairs' (its own events), then its pairs' as they are.
  await client.query(
    `INSERT INTO "GroupFingerprintBucket" ("groupId", fingerprint, span, bucket, environment, "projectId", count, "creditsLost")
     SELECT $2::uuid, x.fingerprint, x.span, x.bucket, x.environment, $3::uuid, sum(x.n)::int, sum(x.credits)
     FROM (
       SELECT g.fingerprint, 60 AS span, h.bucket, h.environment, h.count AS n, h."creditsLost" AS credits
       FROM "ErrorHourly" h JOIN "ErrorGroup" g ON g.id = h."groupId" WHERE h."groupId" = ANY($1::uuid[])
       UNION ALL
       SELECT g.fingerprint, 5, f.bucket, f.environment, f.count, f."creditsLost"
       FROM "ErrorFiveMinute" f JOIN "ErrorGroup" g ON g.id = f."groupId" WHERE f."groupId" = ANY($1::uuid[])
       UNION ALL
       SELECT g.fingerprint, b.span, b.bucket, b.environment, -b.count, -b."creditsLost"
       FROM "GroupFingerprintBucket" b JOIN "ErrorGroup" g ON g.id = b."groupId" WHERE b."groupId" = ANY($1::uuid[])
       UNION ALL
       SELECT b.fingerprint, b.span, b.bucket, b.environment, b.count, b."creditsLost" FROM "GroupFingerprintBucket" b WHERE b."groupId" = ANY($1::uuid[])
     ) x
     GROUP BY x.fingerprint, x.span, x.bucket, x.environment HAVING sum(x.n) > 0
     ORDER BY 2, 3, 4, 5
     ON CONFLICT ("groupId", fingerprint, span, bucket, environment) DO UPDATE SET
       count = "GroupFingerprintBucket".count + excluded.count, "creditsLost" = "GroupFingerprintBucket"."creditsLost" + excluded."creditsLost"`,
    [sources, target.id, target.projectId],
  );
  await client.query(`DELETE FROM "GroupFingerprintBucket" WHERE "groupId" = ANY($1::uuid[])`, [sources]);
  // Tag rollup: likewise.
  await client.query(
    `INSERT INTO "GroupFingerprintTag" ("groupId", fingerprint, key, value, count, "firstSeen", "lastSeen")
     SELECT $2::uuid, x.fingerprint, x.key, x.value, sum(x.n)::int, min(x.first), max(x.last)
     FROM (
       SELECT g.fingerprint, t.key, t.value, t.count AS n, t."firstSeen" AS first, t."lastSeen" AS last
       FROM "ErrorGroupTag" t JOIN "ErrorGroup" g ON g.id = t."groupId" WHERE t."groupId" = ANY($1::uuid[])
       UNION ALL
       SELECT g.fingerprint, p.key, p.value, -p.count, NULL, NULL
       FROM "GroupFingerprintTag" p JOIN "ErrorGroup" g ON g.id = p."groupId" WHERE p."groupId" = ANY($1::uuid[])
       UNION ALL
       SELECT p.fingerprint, p.key, p.value, p.count, p."firstSeen", p."lastSeen" FROM "GroupFingerprintTag" p WHERE p."groupId" = ANY($1::uuid[])
     ) x
     GROUP BY x.fingerprint, x.key, x.value HAVING sum(x.n) > 0
     ORDER BY 2, 3, 4
     ON CONFLICT ("groupId", fingerprint, key, value) DO UPDATE SET
       count = "GroupFingerprintTag".count + excluded.count,
       "firstSeen" = LEAST("GroupFingerprintTag"."firstSeen", excluded."firstSeen"),
       "lastSeen" = GREATEST("GroupFingerprintTag"."lastSeen", excluded."lastSeen")`,
    args,
  );
  // Users and agents: a source's own set is its whole set when it held no other fingerprint; its
  // tracked own rows carry over with the rows of the pairs it held.
  await client.query(
    `INSERT INTO "GroupFingerprintActor" ("groupId", fingerprint, kind, "actorId", "firstSeen")
     SELECT $2::uuid, x.fingerprint, x.kind, x."actorId", min(x."firstSeen")
     FROM (
       SELECT g.fingerprint, 'user' AS kind, u."userId" AS "actorId", u."firstSeen"
       FROM "ErrorGroup" g JOIN "ErrorGroupUser" u ON u."groupId" = g.id
       WHERE g.id = ANY($1::uuid[]) AND NOT g."tracksOwnActors" AND NOT EXISTS (SELECT 1 FROM "GroupFingerprintCount" c WHERE c."groupId" = g.id)
       UNION ALL
       SELECT g.fingerprint, 'agent', a."agentId", a."firstSeen"
       FROM "ErrorGroup" g JOIN "ErrorGroupAgent" a ON a."groupId" = g.id
       WHERE g.id = ANY($1::uuid[]) AND NOT g."tracksOwnActors" AND NOT EXISTS (SELECT 1 FROM "GroupFingerprintCount" c WHERE c."groupId" = g.id)
       UNION ALL
       SELECT p.fingerprint, p.kind, p."actorId", p."firstSeen" FROM "GroupFingerprintActor" p WHERE p."groupId" = ANY($1::uuid[])
     ) x
     GROUP BY x.fingerprint, x.kind, x."actorId"
     ORDER BY 2, 3, 4
     ON CONFLICT ("groupId", fingerprint, kind, "actorId") DO UPDATE SET "firstSeen" = LEAST("GroupFingerprintActor"."firstSeen", excluded."firstSeen")`,
    args,
  );
  // The pairs the sources held, as they are (their own shares were written above).
  await client.query(
    `INSERT INTO "GroupFingerprintCount" AS c ("groupId", fingerprint, events, sampled, "creditsLost", "executionsAffected", "firstSeen", "lastSeen",
       "lastSampledAt", exact, "actorsExact")
     SELECT $2::uuid, fingerprint, events, sampled, "creditsLost", "executionsAffected", "firstSeen", "lastSeen", "lastSampledAt", exact, "actorsExact"
     FROM "GroupFingerprintCount" WHERE "groupId" = ANY($1::uuid[]) ORDER BY fingerprint
     ${ADD_TO_PAIR}`,
    args,
  );
  // Nothing of the target's own fingerprint is a pair of its own (its share is the rest of its counts;
  // its users are its own rows when it tracks them).
  for (const table of ["GroupFingerprintCount", "GroupFingerprintBucket", "GroupFingerprintTag", "GroupFingerprintActor"]) {
    await client.query(
      `DELETE FROM "${table}" p USING "ErrorGroup" g WHERE g.id = $1::uuid AND p."groupId" = g.id AND p.fingerprint = g.fingerprint
         AND ${table === "GroupFingerprintActor" ? `NOT g."tracksOwnActors"` : "true"}`,
      [target.id],
    );
  }
  for (const table of ["GroupFingerprintCount", "GroupFingerprintTag", "GroupFingerprintActor"]) {
    await client.query(`DELETE FROM "${table}" WHERE "groupId" = ANY($1::uuid[])`, [sources]);
  }
}

/** The target's own users and agents, taken whole while it holds no other fingerprint: from now on ingest keeps them per fingerprint. */
async function trackTargetActors(client: pg.PoolClient, targetId: string): Promise<void> {
  await client.query(
    `WITH t AS (
       UPDATE "ErrorGroup" g SET "tracksOwnActors" = true
       WHERE g.id = $1::uuid AND NOT g."tracksOwnActors" AND NOT EXISTS (SELECT 1 FROM "GroupFingerprintCount" c WHERE c."groupId" = g.id)
       RETURNING g.id, g.fingerprint
     )
     INSERT INTO "GroupFingerprintActor" ("groupId", fingerprint, kind, "actorId", "firstSeen")
     SELECT t.id, t.fingerprint, 'user', u."userId", u."firstSeen" FROM t JOIN "ErrorGroupUser" u ON u."groupId" = t.id
     UNION ALL
     SELECT t.id, t.fingerprint, 'agent', a."agentId", a."firstSeen" FROM t JOIN "ErrorGroupAgent" a ON a."groupId" = t.id
     ON CONFLICT DO NOTHING`,
    [targetId],
  );
}
