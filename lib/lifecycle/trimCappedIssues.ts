import { pool } from "@/lib/db/pool";
import { env } from "@/lib/env";
import { sampleSql } from "@/lib/ingest/eventSample";

/** Issues seen within this long are looked at (older ones were trimmed by an earlier run). */
const RECENT_MS = 2 * 86_400_000;
/** Issues trimmed per statement (each in its own short transaction). */
const ISSUES_PER_STATEMENT = 50;

/**
 * The per-issue cap's second half (lib/ingest/storeEvents.ts decides the first): past its project's
 * `maxEventsPerIssue` stored occurrences, ingest keeps an issue's 1-in-K sample plus the newest event
 * of each batch, so the latest is always visible. This step deletes what is left over: of each capped
 * issue seen recently, every stored occurrence beyond the first `maxEventsPerIssue` (by time) that is
 * neither the newest nor in the sample (ISSUE_CAP_KEEP_ONE_IN, the same pick by event id as ingest).
 * The deleted events stay counted: the issue's sampledCount grows by them (and the sampled count of
 * their fingerprint's GroupFingerprintCount when it is not the issue's own), their event ids stay known
 * (so a retry is still a duplicate) without an occurrence, children lose their link to them, and
 * their attachments are deleted with them. An issue counts as capped by what it stores now (its
 * events past retention are no longer stored: expiredCount). Returns the occurrences and attachments deleted.
 */
export async function trimCappedIssues(now: Date): Promise<{ occurrences: number; attachments: number }> {
  const keepOneIn = env().ISSUE_CAP_KEEP_ONE_IN;
  const { rows: groups } = await pool().query<{ id: string; projectId: string; cap: number }>(
    `SELECT g.id, g."projectId", p."maxEventsPerIssue" AS cap
     FROM "Project" p JOIN "ErrorGroup" g ON g."projectId" = p.id
     WHERE p."maxEventsPerIssue" IS NOT NULL AND g."lastSeen" > $1::timestamptz
       AND g."occurrenceCount" - g."sampledCount" - g."expiredCount" > p."maxEventsPerIssue" + 1`,
    [new Date(now.getTime() - RECENT_MS).toISOString()],
  );
  const deleted = { occurrences: 0, attachments: 0 };
  for (let i = 0; i < groups.length; i += ISSUES_PER_STATEMENT) {
    const batch = groups.slice(i, i + ISSUES_PER_STATEMENT);
    const { rows } = await pool().query<{ n: number; files: number }>(
      `WITH g AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, "projectId" uuid, cap int)
       ), ranked AS (
         SELECT o.id, o."occurredAt", o."groupId", o."eventId", g."projectId", g.cap,
           row_number() OVER (PARTITION BY o."groupId" ORDER BY o."occurredAt", o.id) AS rn,
           row_number() OVER (PARTITION BY o."groupId" ORDER BY o."occurredAt" DESC, o.id DESC) AS rd
         FROM g JOIN "ErrorOccurrence" o ON o."groupId" = g.id
       ), doomed AS (
         DELETE FROM "ErrorOccurrence" o USING ranked r
         WHERE o.id = r.id AND o."occurredAt" = r."occurredAt" AND r.rn > r.cap AND r.rd > 1 AND NOT ${sampleSql('r."eventId"', "$2::bigint")}
         RETURNING o.id, o."groupId", r."projectId", r."eventId", o.fingerprint
       ), unlinked_ids AS (
         UPDATE "ErrorEventId" e SET "occurrenceId" = NULL FROM doomed d
         WHERE e."projectId" = d."projectId" AND e."eventId" = d."eventId"
       ), files AS (
         -- An event's attachments go with it (their bytes live in the rows).
         DELETE FROM "EventAttachment" a USING doomed d WHERE a."projectId" = d."projectId" AND a."eventId" = d."eventId"
         RETURNING a.id
       ), unlinked_children AS (
         UPDATE "ErrorOccurrence" c SET "parentOccurrenceId" = NULL FROM doomed d WHERE c."parentOccurrenceId" = d.id
       ), counted AS (
         UPDATE "ErrorGroup" eg SET "sampledCount" = eg."sampledCount" + d.n, "lastSampledAt" = GREATEST(eg."lastSampledAt", $3::timestamptz)
         FROM (SELECT "groupId", count(*)::int AS n FROM doomed GROUP BY "groupId") d
         WHERE eg.id = d."groupId"
       ), counted_fingerprints AS (
         -- The share of a fingerprint other than the issue's own (what an unmerge of it moves) likewise.
         UPDATE "GroupFingerprintCount" c SET sampled = c.sampled + d.n, "lastSampledAt" = GREATEST(c."lastSampledAt", $3::timestamptz)
         FROM (SELECT d."groupId", d.fingerprint, count(*)::int AS n FROM doomed d JOIN "ErrorGroup" eg ON eg.id = d."groupId"
               WHERE d.fingerprint <> eg.fingerprint GROUP BY 1, 2) d
         WHERE c."groupId" = d."groupId" AND c.fingerprint = d.fingerprint
       )
       SELECT (SELECT count(*) FROM doomed)::int AS n, (SELECT count(*) FROM files)::int AS files`,
      [JSON.stringify(batch), keepOneIn, now.toISOString()],
    );
    deleted.occurrences += rows[0].n;
    deleted.attachments += rows[0].files;
  }
  return deleted;
}
