import { pool } from "@/lib/db/pool";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { distinctFilenames } from "@/lib/attachments/distinctFilenames";
import { MAX_FILENAME, type AttachmentInput } from "@/lib/sentry/mapAttachment";

/**
 * Stores files sent with events, idempotently: an attachment of an event with a filename already
 * stored (the SDK retrying the envelope) is not stored again; two of one request whose names came out
 * the same are both kept (distinctFilenames). Committed when this resolves.
 */
export async function storeAttachments(target: { workspaceId: string; projectId: string }, items: AttachmentInput[]): Promise<void> {
  for (const item of distinctFilenames(items, MAX_FILENAME)) {
    await pool().query(
      `INSERT INTO "EventAttachment" (id, "workspaceId", "projectId", "eventId", filename, "contentType", "attachmentType", size, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT ("projectId", "eventId", filename) DO NOTHING`,
      [uuidv7(), target.workspaceId, target.projectId, item.eventId, item.filename, item.contentType, item.attachmentType, item.size, Buffer.from(item.data, "base64")],
    );
  }
}
