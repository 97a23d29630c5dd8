import { pool } from "@/lib/db/pool";
import { uuidv7 } from "@/lib/ids/uuidv7";
import type { UserFeedbackInput } from "@/lib/sentry/mapUserFeedback";

/**
 * Stores user feedback of one project, idempotently: a key seen before (the SDK retrying, or a second
 * user_report on the same event) updates its row, as Sentry keeps one report per event. Within one
 * call the last item of a key wins. Committed when this resolves (the envelope is answered after);
 * resolves to the feedback that was new (not a retry or a replacement).
 */
export async function storeUserFeedback(target: { workspaceId: string; projectId: string }, items: UserFeedbackInput[]): Promise<UserFeedbackInput[]> {
  if (items.length === 0) return [];
  const byKey = new Map(items.map((item) => [item.key, item]));
  const rows = [...byKey.values()].map((item) => ({ id: uuidv7(), ...item }));
  const { rows: written } = await pool().query<{ key: string; inserted: boolean }>(
    `INSERT INTO "UserFeedback" (id, "workspaceId", "projectId", key, "eventId", name, email, comments, url, source)
     SELECT x.id, $1::uuid, $2::uuid, x.key, x."eventId", x.name, x.email, x.comments, x.url, x.source
     FROM jsonb_to_recordset($3::jsonb) AS x(id uuid, key text, "eventId" text, name text, email text, comments text, url text, source text)
     ORDER BY x.key
     ON CONFLICT ("projectId", key) DO UPDATE SET
       "eventId" = excluded."eventId", name = excluded.name, email = excluded.email, comments = excluded.comments, url = excluded.url
     RETURNING key, (xmax = 0) AS inserted`,
    [target.workspaceId, target.projectId, JSON.stringify(rows)],
  );
  const added = new Set(written.filter((w) => w.inserted).map((w) => w.key));
  return [...byKey.values()].filter((item) => added.has(item.key));
}
