import type pg from "pg";
import { eventTags } from "@/lib/ingest/eventTags";

/**
 * Merge: the per-issue tag rollup of `sources` is added to the target's, and their comments and
 * linked issues move to it (a link the target already has is dropped), in the caller's transaction.
 */
export async function mergeGroupTriage(client: pg.PoolClient, sources: string[], targetId: string): Promise<void> {
  await client.query(
    `INSERT INTO "ErrorGroupTag" ("groupId", key, value, "workspaceId", count, "firstSeen", "lastSeen")
     SELECT $2::uuid, key, value, min("workspaceId"::text)::uuid, sum(count)::int, min("firstSeen"), max("lastSeen")
     FROM "ErrorGroupTag" WHERE "groupId" = ANY($1::uuid[]) GROUP BY key, value ORDER BY key, value
     ON CONFLICT ("groupId", key, value) DO UPDATE SET
       count = "ErrorGroupTag".count + excluded.count,
       "firstSeen" = LEAST("ErrorGroupTag"."firstSeen", excluded."firstSeen"),
       "lastSeen" = GREATEST("ErrorGroupTag"."lastSeen", excluded."lastSeen")`,
    [sources, targetId],
  );
  await client.query(`DELETE FROM "ErrorGroupTag" WHERE "groupId" = ANY($1::uuid[])`, [sources]);
  await client.query(`UPDATE "ErrorComment" SET "groupId" = $2::uuid WHERE "groupId" = ANY($1::uuid[])`, [sources, targetId]);
  await client.query(
    `UPDATE "IssueLink" l SET "groupId" = $2::uuid
     WHERE l.id IN (SELECT DISTINCT ON (url) id FROM "IssueLink" WHERE "groupId" = ANY($1::uuid[]) ORDER BY url, "createdAt")
       AND NOT EXISTS (SELECT 1 FROM "IssueLink" t WHERE t."groupId" = $2::uuid AND t.url = l.url)`,
    [sources, targetId],
  );
  await client.query(`DELETE FROM "IssueLink" WHERE "groupId" = ANY($1::uuid[])`, [sources]);
}

/**
 * Unmerge: the moved occurrences' tags are taken from the old issue's rollup and given to the new
 * one (counted from the stored occurrences, with the same tag function as ingest). Comments stay
 * with the issue they were written on.
 */
export async function splitGroupTags(client: pg.PoolClient, moved: string[], fromId: string, toId: string, workspaceId: string): Promise<void> {
  if (moved.length === 0) return;
  const { rows } = await client.query<{ environment: string | null; release: string | null; userId: string | null; tags: unknown; metadata: unknown; occurredAt: Date }>(
    `SELECT environment, release, "userId", tags, metadata, "occurredAt" FROM "ErrorOccurrence" WHERE id = ANY($1::uuid[])`,
    [moved],
  );
  const counts = new Map<string, { key: string; value: string; count: number; first: Date; last: Date }>();
  for (const row of rows) {
    for (const [key, value] of eventTags(row)) {
      const id = `${key}\u0000${value}`;
      const c = counts.get(id) ?? { key, value, count: 0, first: row.occurredAt, last: row.occurredAt };
      c.count += 1;
      if (row.occurredAt < c.first) c.first = row.occurredAt;
      if (row.occurredAt > c.last) c.last = row.occurredAt;
      counts.set(id, c);
    }
  }
  const entries = JSON.stringify([...counts.values()].map((c) => ({ key: c.key, value: c.value, count: c.count, first: c.first.toISOString(), last: c.last.toISOString() })));
  await client.query(
    `WITH x AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(key text, value text, count int))
     UPDATE "ErrorGroupTag" t SET count = t.count - x.count FROM x WHERE t."groupId" = $1::uuid AND t.key = x.key AND t.value = x.value`,
    [fromId, entries],
  );
  await client.query(`DELETE FROM "ErrorGroupTag" WHERE "groupId" = $1::uuid AND count <= 0`, [fromId]);
  await client.query(
    `INSERT INTO "ErrorGroupTag" ("groupId", key, value, "workspaceId", count, "firstSeen", "lastSeen")
     SELECT $1::uuid, key, value, $3::uuid, count, first, last
     FROM jsonb_to_recordset($2::jsonb) AS x(key text, value text, count int, first timestamptz, last timestamptz) ORDER BY key, value
     ON CONFLICT ("groupId", key, value) DO UPDATE SET count = "ErrorGroupTag".count + excluded.count`,
    [toId, entries, workspaceId],
  );
}

/**
 * Unmerge of a fingerprint whose counts are exact: its share of the per-issue tag rollup, as counted
 * at ingest (GroupFingerprintTag, sampled events included), is taken from the old issue and given
 * to the new one.
 */
export async function splitPairTags(client: pg.PoolClient, fromId: string, toId: string, fingerprint: string, workspaceId: string): Promise<void> {
  await client.query(
    `UPDATE "ErrorGroupTag" t SET count = t.count - p.count
     FROM "GroupFingerprintTag" p WHERE p."groupId" = $1::uuid AND p.fingerprint = $2 AND t."groupId" = $1::uuid AND t.key = p.key AND t.value = p.value`,
    [fromId, fingerprint],
  );
  await client.query(`DELETE FROM "ErrorGroupTag" WHERE "groupId" = $1::uuid AND count <= 0`, [fromId]);
  await client.query(
    `INSERT INTO "ErrorGroupTag" ("groupId", key, value, "workspaceId", count, "firstSeen", "lastSeen")
     SELECT $3::uuid, key, value, $4::uuid, count, "firstSeen", "lastSeen" FROM "GroupFingerprintTag"
     WHERE "groupId" = $1::uuid AND fingerprint = $2 AND count > 0 ORDER BY key, value
     ON CONFLICT ("groupId", key, value) DO UPDATE SET count = "ErrorGroupTag".count + excluded.count`,
    [fromId, fingerprint, toId, workspaceId],
  );
}
