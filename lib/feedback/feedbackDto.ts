/** The columns of a UserFeedback row every feedback list reads (`FEEDBACK_COLUMNS`, table alias `f`). */
export interface FeedbackRow {
  id: string;
  eventId: string | null;
  name: string | null;
  email: string | null;
  comments: string;
  url: string | null;
  source: string;
  createdAt: Date;
}

export const FEEDBACK_COLUMNS = `f.id, f."eventId", f.name, f.email, f.comments, f.url, f.source, f."createdAt"`;

/** One piece of feedback as the API answers it. */
export function toFeedbackDto(row: FeedbackRow) {
  return {
    id: row.id,
    eventId: row.eventId,
    name: row.name,
    email: row.email,
    comments: row.comments,
    url: row.url,
    source: row.source,
    createdAt: row.createdAt.toISOString(),
  };
}
