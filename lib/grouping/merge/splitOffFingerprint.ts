import type pg from "pg";
import { saturatingSumSql } from "@/lib/db/saturatingCounter";
import { splitGroupTags, splitPairTags } from "@/lib/grouping/merge/moveGroupTriage";
import { recomputeFirstRelease } from "@/lib/grouping/merge/recomputeFirstRelease";
import { shiftUnmergedRollups, type UnmergeSide } from "@/lib/grouping/merge/shiftUnmergedRollups";
import { splitFingerprintActors } from "@/lib/grouping/merge/splitFingerprintActors";
import { splitExactness, type ApproximatePart, type FingerprintPair } from "@/lib/grouping/merge/unmergeExactness";
import { ApiError } from "@/lib/http/ApiError";
import { groupIdFor } from "@/lib/ingest/storeEvents";

export interface SplitIssue extends UnmergeSide {
  fingerprint: string;
}

export interface SplitResult {
  errorId: string;
  fingerprint: string;
  /** Stored occurrences moved. */
  occurrences: number;
  /** Events the new issue counts (spike-sampled and trimmed ones included when the counts are exact). */
  events: number;
  approximate: boolean;
  /** What is approximate: "events" (counts, rollups, tags, event ids: from the stored occurrences), "users" (users and agents). */
  approximateIn: ApproximatePart[];
}

interface PairRow extends FingerprintPair {
  creditsLost: string;
  executionsAffected: number;
  firstSeen: Date | null;
  lastSeen: Date | null;
  lastSampledAt: Date | null;
}

interface Totals {
  events: number;
  sampled: number;
  credits: string;
  executions: number;
  first: Date | null;
  last: Date | null;
  lastSampledAt: Date | null;
}

/**
 * Splits one fingerprint off `issue` into an issue of its own (the id its fingerprint always maps
 * to), in the caller's transaction under the grouping lock. What moves is what the issue counted of
 * that fingerprint (GroupFingerprintCount and its rollup, tag and user rows): events counted but not
 * stored (spike protection, the per-issue cap, retention) go too. A fingerprint whose counts are not
 * exact (it held events before they existed) falls back to its stored occurrences, and the result
 * says so.
 */
export async function splitOffFingerprint(client: pg.PoolClient, issue: SplitIssue, fingerprint: string): Promise<SplitResult> {
  const newId = groupIdFor(issue.projectId, fingerprint);
  const { rows: clash } = await client.query(`SELECT 1 FROM "ErrorGroup" WHERE id = $1::uuid OR ("projectId" = $2::uuid AND fingerprint = $3)`, [newId, issue.projectId, fingerprint]);
  if (clash.length > 0) throw new ApiError(409, "conflict", `an issue with fingerprint ${fingerprint} already exists`, { field: "fingerprints" });

  const severity = await createSplitIssue(client, issue, fingerprint, newId);
  await client.query(`DELETE FROM "GroupFingerprint" WHERE "projectId" = $1::uuid AND fingerprint = $2`, [issue.projectId, fingerprint]);

  // The old issue as it is now (an earlier fingerprint of the same request may have changed it).
  const { rows: nowRows } = await client.query<{ occurrenceCount: number; tracksOwnActors: boolean }>(
    `SELECT "occurrenceCount", "tracksOwnActors" FROM "ErrorGroup" WHERE id = $1::uuid`,
    [issue.id],
  );
  const { rows: pairRows } = await client.query<PairRow>(
    `SELECT events, sampled, exact, "actorsExact", "creditsLost"::text, "executionsAffected", "firstSeen", "lastSeen", "lastSampledAt"
     FROM "GroupFingerprintCount" WHERE "groupId" = $1::uuid AND fingerprint = $2`,
    [issue.id, fingerprint],
  );
  const pair = pairRows[0] ?? null;

  const { rows: movedRows } = await client.query<{ id: string }>(
    `UPDATE "ErrorOccurrence" SET "groupId" = $2::uuid WHERE "groupId" = $1::uuid AND fingerprint = $3 RETURNING id::text`,
    [issue.id, newId, fingerprint],
  );
  const moved = movedRows.map((r) => r.id);
  const exact = splitExactness(pair, moved.length);

  await client.query(
    `CREATE TEMP TABLE unmerge_moved ON COMMIT DROP AS
     SELECT id, "occurredAt", coalesce(environment, '') AS environment, "creditsLost", "executionsAffected", "userId", "agentId", "parentOccurrenceId",
       recovered, "recoveryMethod", "recoveryAutomatic", "recoveryDurationMs", (("occurredAt" AT TIME ZONE 'UTC')::date) AS day
     FROM "ErrorOccurrence" WHERE id = ANY($1::uuid[])`,
    [moved],
  );
  // The events whose share of the rollups moves: every one counted of the fingerprint, or (not exact) the stored ones.
  await client.query(
    exact.counts
      ? `CREATE TEMP TABLE unmerge_shift ON COMMIT DROP AS
         SELECT span, bucket, environment, count AS n, "creditsLost" AS credits FROM "GroupFingerprintBucket"
         WHERE "groupId" = $1::uuid AND fingerprint = $2 AND count > 0`
      : `CREATE TEMP TABLE unmerge_shift ON COMMIT DROP AS
         SELECT s.span, CASE s.span WHEN 60 THEN date_trunc('hour', m."occurredAt") ELSE date_bin('5 minutes', m."occurredAt", TIMESTAMPTZ 'epoch') END AS bucket,
           m.environment, count(*)::int AS n, sum(m."creditsLost") AS credits
         FROM unmerge_moved m CROSS JOIN (VALUES (5), (60)) AS s(span) GROUP BY 1, 2, 3`,
    exact.counts ? [issue.id, fingerprint] : [],
  );
  const totals = exact.counts && pair ? pairTotals(pair) : await storedTotals(client);

  // Event ids: the stored ones with their occurrences, the others by the fingerprint they carry (not
  // exact: ids written before it was recorded carry the source's at a merge, so only those never stored).
  await client.query(
    `UPDATE "ErrorEventId" SET "groupId" = $2::uuid, fingerprint = NULL
     WHERE "projectId" = $3::uuid AND "groupId" = $1::uuid
       AND ("occurrenceId" = ANY($4::uuid[]) OR (fingerprint = $5 AND ($6 OR "occurrenceId" IS NULL)))`,
    [issue.id, newId, issue.projectId, moved, fingerprint, exact.counts],
  );
  const to: UnmergeSide = { id: newId, severity, workspaceId: issue.workspaceId, projectId: issue.projectId };
  await shiftUnmergedRollups(client, issue, to);
  if (exact.counts) await splitPairTags(client, issue.id, newId, fingerprint, issue.workspaceId);
  else await splitGroupTags(client, moved, issue.id, newId, issue.workspaceId);
  const actors = await splitFingerprintActors(
    client,
    { id: issue.id, fingerprint: issue.fingerprint, tracksOwnActors: nowRows[0].tracksOwnActors, occurrenceCount: nowRows[0].occurrenceCount },
    fingerprint,
    newId,
    exact.actors,
  );
  await shiftCounters(client, issue.id, newId, fingerprint, totals);

  for (const table of ["GroupFingerprintCount", "GroupFingerprintBucket", "GroupFingerprintTag", "GroupFingerprintActor"]) {
    await client.query(`DELETE FROM "${table}" WHERE "groupId" = $1::uuid AND fingerprint = $2`, [issue.id, fingerprint]);
  }
  await client.query(`DROP TABLE unmerge_moved; DROP TABLE unmerge_shift`);
  await recomputeFirstRelease(client, [issue.id, newId]);
  const approximateIn: ApproximatePart[] = [...(exact.counts ? [] : ["events" as const]), ...(actors.approximate ? ["users" as const] : [])];
  return { errorId: newId, fingerprint, occurrences: moved.length, events: totals.events, approximate: approximateIn.length > 0, approximateIn };
}

/** The new issue's row: title and severity from its earliest stored event; the rest from the old issue (counts are set later). */
async function createSplitIssue(client: pg.PoolClient, issue: SplitIssue, fingerprint: string, newId: string): Promise<string> {
  const { rows: firstRows } = await client.query<{ message: string; stackTrace: string | null; severity: string; type: string | null; exceptions: unknown }>(
    `SELECT message, "stackTrace", severity::text, exceptions -> 0 ->> 'type' AS type, exceptions FROM "ErrorOccurrence"
     WHERE "groupId" = $1::uuid AND fingerprint = $2 ORDER BY "occurredAt" LIMIT 1`,
    [issue.id, fingerprint],
  );
  const first = firstRows[0];
  const severity = first?.severity ?? issue.severity;
  await client.query(
    `INSERT INTO "ErrorGroup" (id, "workspaceId", "projectId", fingerprint, type, message, severity, category, source, platform,
       "firstSeen", "lastSeen", "stackTrace", frames, exceptions, context, "updatedAt")
     SELECT $1::uuid, g."workspaceId", g."projectId", $3, coalesce($4, g.type), coalesce($5, g.message), $6::"Severity", g.category, g.source,
       g.platform, g."firstSeen", g."lastSeen", coalesce($7, g."stackTrace"), CASE WHEN $7::text IS NULL THEN g.frames ELSE NULL END,
       CASE WHEN jsonb_typeof($8::jsonb) = 'array' AND jsonb_array_length($8::jsonb) > 1 THEN $8::jsonb ELSE NULL END, g.context, now()
     FROM "ErrorGroup" g WHERE g.id = $2::uuid`,
    [newId, issue.id, fingerprint, first?.type ?? null, first?.message ?? null, severity, first?.stackTrace ?? null, first?.exceptions ? JSON.stringify(first.exceptions) : null],
  );
  return severity;
}

function pairTotals(pair: PairRow): Totals {
  return {
    events: pair.events,
    sampled: pair.sampled,
    credits: pair.creditsLost,
    executions: pair.executionsAffected,
    first: pair.firstSeen,
    last: pair.lastSeen,
    lastSampledAt: pair.lastSampledAt,
  };
}

/** Not exact: what the stored occurrences moved (temp table unmerge_moved) add up to, as before the counts existed. */
async function storedTotals(client: pg.PoolClient): Promise<Totals> {
  const { rows } = await client.query<Totals>(
    `SELECT count(*)::int AS events, 0 AS sampled, coalesce(sum("creditsLost"), 0)::text AS credits,
       coalesce(${saturatingSumSql(`"executionsAffected"`)}, 0) AS executions, min("occurredAt") AS first, max("occurredAt") AS last, NULL::timestamptz AS "lastSampledAt"
     FROM unmerge_moved`,
  );
  return rows[0];
}

/**
 * The split-off counts leave the old issue and are the new one's. First and last seen: the new
 * issue's are its events'; the old issue's change only when the split-off events were its first or
 * last, and then come from what it still holds (stored occurrences, its other fingerprints' counts).
 */
async function shiftCounters(client: pg.PoolClient, fromId: string, toId: string, fingerprint: string, t: Totals): Promise<void> {
  await client.query(
    `UPDATE "ErrorGroup" g SET
       "occurrenceCount" = CASE WHEN g.id = $1::uuid THEN GREATEST(g."occurrenceCount" - $3::int, 0) ELSE $3::int END,
       "sampledCount" = CASE WHEN g.id = $1::uuid THEN GREATEST(g."sampledCount" - $4::int, 0) ELSE $4::int END,
       "creditsLost" = CASE WHEN g.id = $1::uuid THEN g."creditsLost" - $5::numeric ELSE $5::numeric END,
       -- Saturated counters are bounds, not sums: what stays is never below zero.
       "executionsAffected" = CASE WHEN g.id = $1::uuid THEN GREATEST(g."executionsAffected" - $6::int, 0) ELSE $6::int END,
       "lastSampledAt" = CASE WHEN g.id = $1::uuid THEN g."lastSampledAt" ELSE $7::timestamptz END,
       "firstSeen" = CASE WHEN g.id = $1::uuid THEN g."firstSeen" ELSE coalesce($8::timestamptz, g."firstSeen") END,
       "lastSeen" = CASE WHEN g.id = $1::uuid THEN g."lastSeen" ELSE coalesce($9::timestamptz, g."lastSeen") END,
       "updatedAt" = now()
     WHERE g.id IN ($1::uuid, $2::uuid)`,
    [fromId, toId, t.events, t.sampled, t.credits, t.executions, t.lastSampledAt, t.first, t.last],
  );
  await client.query(
    `UPDATE "ErrorGroup" g SET
       "firstSeen" = CASE WHEN $2::timestamptz IS NULL OR $2::timestamptz > g."firstSeen" THEN g."firstSeen" ELSE coalesce(LEAST(
         (SELECT min("occurredAt") FROM "ErrorOccurrence" o WHERE o."groupId" = g.id),
         (SELECT min(c."firstSeen") FROM "GroupFingerprintCount" c WHERE c."groupId" = g.id AND c.fingerprint <> $4 AND c.events > 0)), g."firstSeen") END,
       "lastSeen" = CASE WHEN $3::timestamptz IS NULL OR $3::timestamptz < g."lastSeen" THEN g."lastSeen" ELSE coalesce(GREATEST(
         (SELECT max("occurredAt") FROM "ErrorOccurrence" o WHERE o."groupId" = g.id),
         (SELECT max(c."lastSeen") FROM "GroupFingerprintCount" c WHERE c."groupId" = g.id AND c.fingerprint <> $4 AND c.events > 0)), g."lastSeen") END
     WHERE g.id = $1::uuid`,
    [fromId, t.first, t.last, fingerprint],
  );
  // Events past retention are not per fingerprint: when the old issue had some, both issues count
  // theirs again as what they count less what they sample and store now.
  await client.query(
    `UPDATE "ErrorGroup" g SET "expiredCount" = GREATEST(g."occurrenceCount" - g."sampledCount" - (SELECT count(*) FROM "ErrorOccurrence" o WHERE o."groupId" = g.id)::int, 0)
     WHERE g.id IN ($1::uuid, $2::uuid) AND EXISTS (SELECT 1 FROM "ErrorGroup" f WHERE f.id = $1::uuid AND f."expiredCount" > 0)`,
    [fromId, toId],
  );
}
