import type { MultipartPart } from "@/lib/http/parseMultipart";
import { mapAttachment, MAX_ATTACHMENTS_PER_ENVELOPE, type AttachmentInput } from "@/lib/sentry/mapAttachment";
import { MINIDUMP_FIELD, sentryFileOf } from "@/lib/sentry/minidump/unpackMinidumpUpload";

/**
 * The files of a minidump upload (POST /api/:projectId/minidump/) kept with its event, as an
 * envelope's attachments are: the dump itself (`event.minidump`, so it can be downloaded and read
 * with a debugger) and every other file part (a log the app attached: sentry-native's
 * `sentry_options_add_attachment`, Crashpad's and Electron's extra files). sentry-native's own
 * `__sentry-event` and breadcrumb files are read into the event instead. Bounded like an envelope's:
 * files past MAX_ATTACHMENT_BYTES or past MAX_ATTACHMENTS_PER_ENVELOPE are not kept.
 */
export function minidumpUploadAttachments(parts: MultipartPart[], eventId: string): AttachmentInput[] {
  const attachments: AttachmentInput[] = [];
  for (const part of parts) {
    const isDump = part.name === MINIDUMP_FIELD;
    if (!isDump && (part.filename === undefined || sentryFileOf(part) !== undefined)) continue;
    const header = {
      filename: part.filename || (isDump ? "minidump.dmp" : part.name),
      content_type: isDump ? "application/octet-stream" : part.contentType,
      attachment_type: isDump ? "event.minidump" : "event.attachment",
    };
    const attachment = attachments.length < MAX_ATTACHMENTS_PER_ENVELOPE ? mapAttachment(header, part.body, eventId) : null;
    if (attachment) attachments.push(attachment);
  }
  return attachments;
}
