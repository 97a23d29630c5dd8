import { attachmentsJson, type AttachmentSummary } from "@/lib/attachments/attachmentSummary";

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
  /** Files sent with the feedback (the widget's screenshot), keyed by the feedback's own event id. */
  attachments: AttachmentSummary[];
}

export const FEEDBACK_COLUMNS = `f.id, f."eventId", f.name, f.email, f.comments, f.url, f.source, f."createdAt", ${attachmentsJson(`f."projectId"`, "f.key")} AS attachments`;

/**
 * The feedback about an issue's events ($1 its project, $2 the issue), as `f` with its event id row
 * `e`: the link runs through ErrorEventId, so feedback sent before its event counts once the event
 * is stored, and follows its events through merges and unmerges.
 */
export const ISSUE_FEEDBACK_FROM = `"UserFeedback" f
  JOIN "ErrorEventId" e ON e."projectId" = f."projectId" AND e."eventId" = f."eventId"
  WHERE f."projectId" = $1 AND e."groupId" = $2`;

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
    attachments: row.attachments,
  };
}
