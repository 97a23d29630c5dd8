import { z } from "zod";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { pool } from "@/lib/db/pool";
import { findVisibleError } from "@/lib/errors/findVisibleError";
import { FEEDBACK_COLUMNS, ISSUE_FEEDBACK_FROM, toFeedbackDto, type FeedbackRow } from "@/lib/feedback/feedbackDto";

export const IssueFeedbackQuerySchema = z.object({
  /** Newest first, at most this many. */
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type IssueFeedbackQuery = z.infer<typeof IssueFeedbackQuerySchema>;

interface Row extends FeedbackRow {
  eventId: string;
  eventStored: boolean;
  total: string;
}

/**
 * What people wrote about an issue's events (Sentry user feedback), newest first, with the total
 * (linked as ISSUE_FEEDBACK_FROM says).
 * `eventStored` says whether the event itself was kept (spike protection and the issue cap count
 * some events without keeping them), i.e. whether the event viewer can open it.
 */
export async function listIssueFeedback(auth: AuthContext, errorId: string, query: IssueFeedbackQuery) {
  const group = await findVisibleError(auth, errorId);
  const { rows } = await pool().query<Row>(
    `SELECT ${FEEDBACK_COLUMNS}, e."occurrenceId" IS NOT NULL AS "eventStored", count(*) OVER () AS total
     FROM ${ISSUE_FEEDBACK_FROM}
     ORDER BY f."createdAt" DESC, f.id DESC
     LIMIT $3`,
    [group.projectId, group.id, query.limit],
  );
  return {
    errorId: group.id,
    total: rows.length > 0 ? Number(rows[0].total) : 0,
    items: rows.map((row) => ({ ...toFeedbackDto(row), eventId: row.eventId, eventStored: row.eventStored })),
  };
}

export type IssueFeedbackList = Awaited<ReturnType<typeof listIssueFeedback>>;
