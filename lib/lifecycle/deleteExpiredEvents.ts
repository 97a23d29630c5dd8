import { BATCH, deleteInBatches } from "@/lib/lifecycle/deleteInBatches";

/**
 * How long an attachment may wait for its event (or feedback) to be stored before it counts as
 * orphaned: events and files of one envelope are stored moments apart, a spooled request on replay.
 */
export const ORPHAN_GRACE_MS = 86_400_000;

/**
 * What lives only as long as the events it came with, for one project at its retention `cutoff` (a
 * UTC day, `YYYY-MM-DD 00:00:00+00`), deleted before the event ids (ErrorEventId) that tie them to
 * their events' time: user feedback about an event older than the cutoff (or written before it), with
 * the files sent with it; attachments whose event is older than the cutoff, or that no stored event or
 * feedback holds (`orphanBefore`: received before then) — an event deleted before this rule, sampled
 * or never stored; and forwarded copies of such events (a copy being sent at this moment stays for the
 * next run). Attachments' bytes live in their rows: deleting the row deletes the file.
 * Calls `count(table, n)`.
 */
export async function deleteRowsOfExpiredEvents(projectId: string, cutoff: string, orphanBefore: Date, count: (table: string, n: number) => void): Promise<void> {
  await deleteInBatches(
    `WITH doomed AS (
       DELETE FROM "UserFeedback" WHERE ctid IN (
         SELECT f.ctid FROM "UserFeedback" f
         LEFT JOIN "ErrorEventId" e ON e."projectId" = f."projectId" AND e."eventId" = f."eventId"
         WHERE f."projectId" = $1 AND (f."createdAt" < $2 OR e."occurredAt" < $2) LIMIT ${BATCH})
       RETURNING "projectId", key
     ), files AS (
       DELETE FROM "EventAttachment" a USING doomed d WHERE a."projectId" = d."projectId" AND a."eventId" = d.key RETURNING a.id
     )
     SELECT (SELECT count(*) FROM doomed)::int AS n, (SELECT count(*) FROM files)::int AS files`,
    [projectId, cutoff],
    (row) => {
      count("UserFeedback", row.n);
      count("EventAttachment", row.files);
    },
  );
  count(
    "EventAttachment",
    await deleteInBatches(
      `DELETE FROM "EventAttachment" WHERE ctid IN (
         SELECT a.ctid FROM "EventAttachment" a
         LEFT JOIN "ErrorEventId" e ON e."projectId" = a."projectId" AND e."eventId" = a."eventId"
         WHERE a."projectId" = $1 AND (a."createdAt" < $2 OR e."occurredAt" < $2
           OR (e."occurrenceId" IS NULL AND a."createdAt" < $3
               AND NOT EXISTS (SELECT 1 FROM "UserFeedback" f WHERE f."projectId" = a."projectId" AND f.key = a."eventId")))
         LIMIT ${BATCH})`,
      [projectId, cutoff, orphanBefore.toISOString()],
    ),
  );
  const notBeingSent = (d: string) => `(${d}.status <> 'pending' OR ${d}."lockedUntil" IS NULL OR ${d}."lockedUntil" < clock_timestamp())`;
  count(
    "ForwardingDelivery",
    await deleteInBatches(
      `DELETE FROM "ForwardingDelivery" x WHERE ${notBeingSent("x")} AND x.id IN (
         SELECT d.id FROM "ForwardingDelivery" d
         LEFT JOIN "ErrorEventId" e ON e."projectId" = d."projectId" AND e."eventId" = d."eventId"
         WHERE d."projectId" = $1 AND (d."createdAt" < $2 OR e."occurredAt" < $2) AND ${notBeingSent("d")} LIMIT ${BATCH})`,
      [projectId, cutoff],
    ),
  );
}

/**
 * One project's event ids older than its `cutoff`, in batches; each stored event's issue counts it in
 * `expiredCount` in the same statement (its occurrence went with its day's partition or the batched
 * delete before), so "stored" stays occurrenceCount - sampledCount - expiredCount. Issues' rows are
 * locked in fingerprint order, as ingest locks them. Returns the ids deleted.
 */
export function deleteExpiredEventIds(projectId: string, cutoff: string): Promise<number> {
  return deleteInBatches(
    `WITH doomed AS (
       DELETE FROM "ErrorEventId" WHERE "projectId" = $1 AND "eventId" IN (
         SELECT "eventId" FROM "ErrorEventId" WHERE "projectId" = $1 AND "occurredAt" < $2 LIMIT ${BATCH})
       RETURNING "groupId", "occurrenceId"
     ), expired AS (
       SELECT "groupId", count(*)::int AS n FROM doomed WHERE "occurrenceId" IS NOT NULL GROUP BY "groupId"
     ), locked AS (
       SELECT g.id, x.n FROM "ErrorGroup" g JOIN expired x ON x."groupId" = g.id ORDER BY g.fingerprint FOR UPDATE OF g
     ), counted AS (
       UPDATE "ErrorGroup" g SET "expiredCount" = g."expiredCount" + l.n FROM locked l WHERE g.id = l.id
     )
     SELECT (SELECT count(*) FROM doomed)::int AS n`,
    [projectId, cutoff],
    () => undefined,
  );
}
