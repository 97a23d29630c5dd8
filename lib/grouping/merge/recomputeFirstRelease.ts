import type pg from "pg";

/**
 * After a merge or unmerge moved events between issues: each issue's first release again, from its
 * per-issue release rollup (the release whose first event came first; as the migration that added
 * the column filled it). Issues whose events carry no release keep what they had.
 */
export async function recomputeFirstRelease(client: pg.PoolClient, groupIds: string[]): Promise<void> {
  await client.query(
    `UPDATE "ErrorGroup" g SET "firstRelease" = f.value
     FROM (
       SELECT DISTINCT ON ("groupId") "groupId", value FROM "ErrorGroupTag"
       WHERE "groupId" = ANY($1::uuid[]) AND key = 'release' ORDER BY "groupId", "firstSeen", value
     ) f
     WHERE f."groupId" = g.id AND g."firstRelease" IS DISTINCT FROM f.value`,
    [groupIds],
  );
}
