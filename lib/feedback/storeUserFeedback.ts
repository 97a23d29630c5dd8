import { pool } from "@/lib/db/pool";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { OUTBOX_LEASE_MS, type FeedbackBatch } from "@/lib/ingest/alertOutbox";
import type { UserFeedbackInput } from "@/lib/sentry/mapUserFeedback";

/** The feedback's words an alert title and its outbox row carry at most. */
const MAX_ALERT_COMMENTS = 2000;

export interface StoredFeedback {
  /** The feedback that was new (not a retry or a replacement). */
  added: UserFeedbackInput[];
  /** The AlertOutbox row written with it for the workspace's user_feedback rules, if one was. */
  alert: { outboxId: string; batch: FeedbackBatch } | null;
}

/**
 * Stores user feedback of one project, idempotently: a key seen before (the SDK retrying, or a second
 * user_report on the same event) updates its row, as Sentry keeps one report per event. Within one
 * call the last item of a key wins. Committed when this resolves (the envelope is answered after).
 * With `alerting` (the workspace has user_feedback rules) the same statement writes an AlertOutbox
 * row naming the new feedback, so its alerts are evaluated even if this instance dies right after
 * the commit (the alert-outbox job takes the row over once its lease has run out).
 */
export async function storeUserFeedback(target: { workspaceId: string; projectId: string }, items: UserFeedbackInput[], alerting = false): Promise<StoredFeedback> {
  if (items.length === 0) return { added: [], alert: null };
  const byKey = new Map(items.map((item) => [item.key, item]));
  const rows = [...byKey.values()].map((item) => ({ id: uuidv7(), ...item }));
  const outboxId = alerting ? uuidv7() : null;
  const { rows: written } = await pool().query<{ key: string; inserted: boolean; outboxId: string | null; batch: FeedbackBatch | null }>(
    `WITH written AS (
       INSERT INTO "UserFeedback" (id, "workspaceId", "projectId", key, "eventId", name, email, comments, url, source)
       SELECT x.id, $1::uuid, $2::uuid, x.key, x."eventId", x.name, x.email, x.comments, x.url, x.source
       FROM jsonb_to_recordset($3::jsonb) AS x(id uuid, key text, "eventId" text, name text, email text, comments text, url text, source text)
       ORDER BY x.key
       ON CONFLICT ("projectId", key) DO UPDATE SET
         "eventId" = excluded."eventId", name = excluded.name, email = excluded.email, comments = excluded.comments, url = excluded.url
       RETURNING key, "eventId", comments, (xmax = 0) AS inserted
     ), outbox AS (
       INSERT INTO "AlertOutbox" (id, "workspaceId", batch, "claimedUntil")
       SELECT $4::uuid, $1::uuid,
         jsonb_build_object('workspaceId', $1::uuid::text, 'groups', '[]'::jsonb, 'newGroupIds', '[]'::jsonb, 'regressedGroupIds', '[]'::jsonb,
           'feedback', jsonb_build_object('projectId', $2::uuid::text,
             'items', jsonb_agg(jsonb_build_object('eventId', w."eventId", 'comments', left(w.comments, ${MAX_ALERT_COMMENTS})) ORDER BY w.key))),
         now() + ($5::int * interval '1 millisecond')
       FROM written w WHERE w.inserted AND $4::uuid IS NOT NULL
       HAVING count(*) > 0
       RETURNING id, batch->'feedback' AS batch
     )
     SELECT w.key, w.inserted, o.id AS "outboxId", o.batch FROM written w LEFT JOIN outbox o ON true`,
    [target.workspaceId, target.projectId, JSON.stringify(rows), outboxId, OUTBOX_LEASE_MS],
  );
  const added = new Set(written.filter((w) => w.inserted).map((w) => w.key));
  // The batch evaluated now is the one the outbox row holds (what the alert-outbox job would read).
  const outbox = written.find((w) => w.outboxId && w.batch);
  return {
    added: [...byKey.values()].filter((item) => added.has(item.key)),
    alert: outbox?.outboxId && outbox.batch ? { outboxId: outbox.outboxId, batch: outbox.batch } : null,
  };
}
