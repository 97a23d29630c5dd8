import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanTriage } from "@/lib/auth/permissions";
import { withTransaction } from "@/lib/db/pool";
import { findVisibleError } from "@/lib/errors/findVisibleError";
import type { UnmergeErrorInput } from "@/lib/grouping/merge/mergeSchemas";
import { lockLiveProject } from "@/lib/grouping/store/projectWriteLock";
import { splitOffFingerprint, type SplitResult } from "@/lib/grouping/merge/splitOffFingerprint";
import { ApiError } from "@/lib/http/ApiError";
import { uuidv7 } from "@/lib/ids/uuidv7";

export interface UnmergeResult {
  errorId: string;
  created: SplitResult[];
  /** Some count or user set of the split could not be told apart exactly (see each created issue's approximateIn). */
  approximate: boolean;
}

/**
 * Splits fingerprints off an issue (members and admins): each fingerprint's events move to an issue
 * of its own (status new; the id its fingerprint always maps to), with their counts, rollups, tags,
 * users, agents, event ids and cascade links — events counted but not stored (spike protection, the
 * per-issue cap, retention) included, from the per-fingerprint counts (lib/grouping/merge/splitOffFingerprint.ts);
 * its future events go there too. Where those counts do not go back far enough (a fingerprint that held
 * events before they existed) the stored occurrences decide and the result is marked approximate.
 * The issue's own fingerprint cannot be split off.
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
    const { rows: targetRows } = await client.query<{ severity: string }>(`SELECT severity::text FROM "ErrorGroup" WHERE id = $1::uuid AND "deletingAt" IS NULL FOR UPDATE`, [group.id]);
    if (targetRows.length === 0) throw ApiError.notFound("error not found");

    const { rows: known } = await client.query<{ fingerprint: string }>(
      `SELECT fingerprint FROM "GroupFingerprint" WHERE "groupId" = $1::uuid AND fingerprint = ANY($2::text[])
       UNION SELECT fingerprint FROM "GroupFingerprintCount" WHERE "groupId" = $1::uuid AND fingerprint = ANY($2::text[])
       UNION SELECT DISTINCT fingerprint FROM "ErrorOccurrence" WHERE "groupId" = $1::uuid AND fingerprint = ANY($2::text[])`,
      [group.id, input.fingerprints],
    );
    const knownSet = new Set(known.map((r) => r.fingerprint));
    const missing = input.fingerprints.findIndex((fp) => !knownSet.has(fp));
    if (missing >= 0) {
      throw ApiError.validation(`fingerprints[${missing}]: not a fingerprint of this issue`, [{ path: `fingerprints[${missing}]`, message: "not a fingerprint of this issue" }]);
    }

    const issue = { id: group.id, fingerprint: group.fingerprint, severity: targetRows[0].severity, workspaceId: group.workspaceId, projectId: group.projectId };
    const created: SplitResult[] = [];
    for (const fingerprint of input.fingerprints) {
      created.push(await splitOffFingerprint(client, issue, fingerprint));
    }
    await client.query(
      `UPDATE "ErrorGroup" g SET
         "usersAffected" = (SELECT count(*) FROM "ErrorGroupUser" u WHERE u."groupId" = g.id),
         "agentsAffected" = (SELECT count(*) FROM "ErrorGroupAgent" a WHERE a."groupId" = g.id),
         "updatedAt" = now()
       WHERE g.id = ANY($1::uuid[])`,
      [[group.id, ...created.map((c) => c.errorId)]],
    );
    // An issue left holding no other fingerprint stops keeping its own users apart (ingest does less for it).
    await client.query(
      `WITH t AS (
         UPDATE "ErrorGroup" g SET "tracksOwnActors" = false
         WHERE g.id = $1::uuid AND g."tracksOwnActors"
           AND NOT EXISTS (SELECT 1 FROM "GroupFingerprintCount" c WHERE c."groupId" = g.id)
           AND NOT EXISTS (SELECT 1 FROM "GroupFingerprint" f WHERE f."groupId" = g.id)
         RETURNING g.id
       )
       DELETE FROM "GroupFingerprintActor" p USING t WHERE p."groupId" = t.id`,
      [group.id],
    );
    const approximate = created.some((c) => c.approximate);
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
    return { errorId: group.id, created, approximate };
  });
}
