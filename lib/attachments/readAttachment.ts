import { z } from "zod";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { visibleItem } from "@/lib/auth/permissions";
import { INLINE_IMAGE_TYPES } from "@/lib/attachments/attachmentSummary";
import { pool } from "@/lib/db/pool";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { isUuid } from "@/lib/ids/uuidv7";

/** GET /api/v1/attachments/:id?inline=1 — `inline` shows an image in the page (thumbnails) instead of downloading it. */
export const AttachmentQuerySchema = z.object({
  inline: z.enum(["0", "1"]).default("0"),
});
export type AttachmentQuery = z.infer<typeof AttachmentQuerySchema>;

/**
 * One attachment's bytes, for whoever may see its event (viewers included); 404 otherwise, so
 * others' attachments are not revealed, and 404 once its event is no longer stored (an attachment
 * goes with its event). Never for an ingest key (401): it is the DSN's public key, and screenshots,
 * minidumps and logs are the end users' data.
 */
export async function readAttachment(auth: AuthContext, attachmentId: string) {
  if (auth.kind !== "user") throw ApiError.unauthorized("attachments need a signed-in member: an ingest key cannot download them");
  if (!isUuid(attachmentId)) throw ApiError.notFound("attachment not found");
  const found = await db().eventAttachment.findUnique({
    where: { id: attachmentId },
    select: { workspaceId: true, projectId: true, eventId: true, filename: true, contentType: true, data: true },
  });
  const file = visibleItem(auth, found, () => ApiError.notFound("attachment not found"));
  if (!(await holderIsStored(file.projectId, file.eventId))) throw ApiError.notFound("attachment not found: its event is no longer stored");
  return file;
}

/**
 * Whether what an attachment came with is still there: its event stored (an occurrence: not past
 * retention, trimmed, sampled or deleted) or the user feedback it was sent with. The retention job
 * deletes the others' files; until it runs they are not served.
 */
async function holderIsStored(projectId: string, eventId: string): Promise<boolean> {
  const { rows } = await pool().query<{ stored: boolean }>(
    `SELECT EXISTS (
         SELECT 1 FROM "ErrorEventId" e JOIN "ErrorOccurrence" o ON o.id = e."occurrenceId" AND o."occurredAt" = e."occurredAt"
         WHERE e."projectId" = $1 AND e."eventId" = $2)
       OR EXISTS (SELECT 1 FROM "UserFeedback" f WHERE f."projectId" = $1 AND f.key = $2) AS stored`,
    [projectId, eventId],
  );
  return rows[0].stored;
}

/**
 * The download: a file a browser could run (HTML, SVG, scripts) is never served as itself — only
 * the inline image types keep their type when `inline` is asked for; everything else is an
 * octet-stream download (text as text/plain). A sandboxing CSP and nosniff on every answer.
 */
export function attachmentResponse(file: { filename: string; contentType: string; data: Uint8Array }, query: AttachmentQuery): Response {
  const inline = query.inline === "1" && INLINE_IMAGE_TYPES.has(file.contentType);
  const type = inline ? file.contentType : file.contentType.startsWith("text/") ? "text/plain; charset=utf-8" : "application/octet-stream";
  return new Response(new Uint8Array(file.data), {
    headers: {
      "content-type": type,
      "content-length": String(file.data.byteLength),
      "content-disposition": `${inline ? "inline" : "attachment"}; ${dispositionFilename(file.filename)}`,
      "content-security-policy": "default-src 'none'; sandbox",
      "x-content-type-options": "nosniff",
      "cache-control": "private, max-age=300",
    },
  });
}

/** RFC 6266: an ASCII fallback and the UTF-8 name (RFC 8187). */
export function dispositionFilename(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  return `filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
