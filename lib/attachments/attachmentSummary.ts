/** An attachment as lists show it (the bytes come from GET /api/v1/attachments/:id). */
export interface AttachmentSummary {
  id: string;
  filename: string;
  contentType: string;
  attachmentType: string;
  size: number;
}

/**
 * SQL: the attachments of the event `eventId` of project `projectId` (column expressions) as a
 * JSON array of AttachmentSummary, by filename.
 */
export function attachmentsJson(projectId: string, eventId: string): string {
  return `(SELECT coalesce(json_agg(json_build_object('id', a.id, 'filename', a.filename, 'contentType', a."contentType",
      'attachmentType', a."attachmentType", 'size', a.size) ORDER BY a.filename), '[]'::json)
    FROM "EventAttachment" a WHERE a."projectId" = ${projectId} AND a."eventId" = ${eventId})`;
}

/** Images a browser shows inline (thumbnails); every other type is only downloaded. */
export const INLINE_IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);
