import type pg from "pg";
import { remainingActorsApproximate } from "@/lib/grouping/merge/unmergeExactness";

export interface ActorSplitSource {
  id: string;
  fingerprint: string;
  tracksOwnActors: boolean;
  /** Its count before the split (the split fingerprint's events still in it). */
  occurrenceCount: number;
}

/**
 * Unmerge: the split-off fingerprint's distinct users and agents go to the new issue — its kept set
 * (GroupFingerprintActor) when `exact`, else those of its stored occurrences (the caller's temp table
 * unmerge_moved). The old issue keeps those it still has evidence of: another fingerprint's kept set
 * (its own when it tracks it) or a stored occurrence; the rest go. Call after the occurrences moved,
 * before the pair's rows are dropped. Returns whether the users and agents of either side may be off.
 */
export async function splitFingerprintActors(client: pg.PoolClient, from: ActorSplitSource, fingerprint: string, toId: string, exact: boolean): Promise<{ approximate: boolean }> {
  await client.query(
    exact
      ? `CREATE TEMP TABLE unmerge_actors ON COMMIT DROP AS
         SELECT kind, "actorId", "firstSeen" FROM "GroupFingerprintActor" WHERE "groupId" = $1::uuid AND fingerprint = $2`
      : `CREATE TEMP TABLE unmerge_actors ON COMMIT DROP AS
         SELECT k.kind, k.id AS "actorId", min(m."occurredAt") AS "firstSeen"
         FROM unmerge_moved m CROSS JOIN LATERAL (VALUES ('user', m."userId"), ('agent', m."agentId")) AS k(kind, id)
         WHERE k.id IS NOT NULL GROUP BY 1, 2`,
    exact ? [from.id, fingerprint] : [],
  );
  let removed = 0;
  for (const [table, col, kind] of [["ErrorGroupUser", "userId", "user"], ["ErrorGroupAgent", "agentId", "agent"]] as const) {
    await client.query(
      `INSERT INTO "${table}" ("groupId", "${col}", "firstSeen")
       SELECT $1::uuid, "actorId", "firstSeen" FROM unmerge_actors WHERE kind = $2 ORDER BY "actorId"
       ON CONFLICT DO NOTHING`,
      [toId, kind],
    );
    const { rowCount } = await client.query(
      `DELETE FROM "${table}" t WHERE t."groupId" = $1::uuid AND t."${col}" IN (SELECT "actorId" FROM unmerge_actors WHERE kind = $3)
         AND NOT EXISTS (SELECT 1 FROM "GroupFingerprintActor" p WHERE p."groupId" = $1::uuid AND p.fingerprint <> $2 AND p.kind = $3 AND p."actorId" = t."${col}")
         AND NOT EXISTS (SELECT 1 FROM "ErrorOccurrence" o WHERE o."groupId" = $1::uuid AND o."${col}" = t."${col}")`,
      [from.id, fingerprint, kind],
    );
    removed += rowCount ?? 0;
  }
  await client.query(`DROP TABLE unmerge_actors`);
  if (!exact || removed === 0) return { approximate: !exact };

  // Someone was taken off: sure only when every other fingerprint's set is known (the own one tracked, or all its events stored).
  const { rows } = await client.query<{ othersExact: boolean; allExact: boolean; pairEvents: number; ownStored: number }>(
    `SELECT coalesce(bool_and(c."actorsExact") FILTER (WHERE c.fingerprint <> $2), true) AS "othersExact",
       coalesce(bool_and(c.exact), true) AS "allExact", coalesce(sum(c.events), 0)::int AS "pairEvents",
       CASE WHEN $4 THEN 0 ELSE (SELECT count(*)::int FROM "ErrorOccurrence" o WHERE o."groupId" = $1::uuid AND coalesce(o.fingerprint, $3) = $3) END AS "ownStored"
     FROM "GroupFingerprintCount" c WHERE c."groupId" = $1::uuid`,
    [from.id, fingerprint, from.fingerprint, from.tracksOwnActors],
  );
  const k = rows[0];
  return {
    approximate: remainingActorsApproximate({
      actorsExact: exact,
      removed,
      tracksOwnActors: from.tracksOwnActors,
      otherPairsActorsExact: k.othersExact,
      ownEvents: k.allExact ? from.occurrenceCount - k.pairEvents : null,
      ownStored: k.ownStored,
    }),
  };
}
