import { scrubString } from "@/lib/ingest/scrub";
import type { SensitiveFields } from "@/lib/ingest/sensitiveFields";
import { redactJsonText } from "@/lib/sentry/redactJsonText";
import { replaceUnstorableText } from "@/lib/text/replaceUnstorable";
import { charsetParameter, decodeTextBytes, textEncodingOf, type TextEncodingName } from "@/lib/text/textBytes";

/** A file sent with an event, as stored (EventAttachment in prisma/schema.prisma). */
export interface AttachmentInput {
  /** The event (or feedback) it came with: 32 hex digits. */
  eventId: string;
  filename: string;
  contentType: string;
  /** Sentry's attachment_type ("event.attachment" unless the SDK said otherwise). */
  attachmentType: string;
  /** The bytes, base64 (a spooled record carries them as JSON). */
  data: string;
  size: number;
  /** A text file's encoding, as its bytes are read for scrubbing (lib/text/textBytes.ts); not stored. */
  textEncoding?: TextEncodingName;
}

/** Bigger attachments are dropped (counted); the envelope itself is bounded at 20 MiB. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Attachments kept per envelope (SDKs send a handful: a screenshot, a log, a view hierarchy). */
export const MAX_ATTACHMENTS_PER_ENVELOPE = 20;
export const MAX_FILENAME = 200;
const DEFAULT_TYPE = "application/octet-stream";

const BY_EXTENSION: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  txt: "text/plain",
  log: "text/plain",
  csv: "text/csv",
  json: "application/json",
  xml: "application/xml",
  html: "text/html",
};

/**
 * An envelope's `attachment` item (`scope.addAttachment`, the feedback widget's screenshot, the
 * mobile SDKs' view hierarchy and screenshots) for the envelope's event: its filename (path
 * separators and control characters removed, clipped), content type (the header's when it is a
 * well-formed type, else guessed from the extension), attachment type. Text files (text/*, JSON,
 * XML) are scrubbed of secrets and card numbers like an event's strings, read in their own
 * encoding (lib/text/textBytes.ts: the content type's `charset=`, a byte-order mark, UTF-8 when
 * valid, else byte for byte as latin1) and written back in it, so a Latin-1 or UTF-16 log is
 * scrubbed too and keeps its encoding; a file nothing was hidden in, and every other file, is kept
 * byte for byte. Null for an empty item or one past MAX_ATTACHMENT_BYTES (the caller counts it dropped).
 */
export function mapAttachment(header: Record<string, unknown>, payload: Buffer, eventId: string): AttachmentInput | null {
  if (payload.length === 0 || payload.length > MAX_ATTACHMENT_BYTES) return null;
  const filename = filenameOf(header.filename);
  const contentType = contentTypeOf(header.content_type, filename);
  const attachmentType = typeof header.attachment_type === "string" && /^[\w.-]{1,64}$/.test(header.attachment_type) ? header.attachment_type : "event.attachment";
  if (!isText(contentType)) return { eventId, filename, contentType, attachmentType, data: payload.toString("base64"), size: payload.length };
  const textEncoding = textEncodingOf(payload, charsetParameter(header.content_type));
  const bytes = editText(payload, textEncoding, (text) => scrubString(text));
  return { eventId, filename, contentType, attachmentType, data: bytes.toString("base64"), size: bytes.length, textEncoding };
}

/**
 * `attachment` with the project's additional sensitive fields (lib/ingest/sensitiveFields.ts)
 * hidden when it is text, as in an event: in a JSON document the value under each matching key
 * and the pairs in its strings, only those values' text replaced (lib/sentry/redactJsonText.ts:
 * numbers, duplicate keys, spacing and escapes stay as sent); in other text (and JSON that does
 * not parse) the `name=value`, `name: value` and `"name": "value"` pairs — read and written back
 * in the file's own encoding, as mapAttachment read it. Binary files, and text in which nothing was
 * hidden, are returned as they are.
 */
export function redactAttachment(attachment: AttachmentInput, fields: SensitiveFields): AttachmentInput {
  if (!isText(attachment.contentType)) return attachment;
  const original = Buffer.from(attachment.data, "base64");
  const json = isJson(attachment.contentType);
  const bytes = editText(original, attachment.textEncoding ?? textEncodingOf(original), (text) => (json && redactJsonText(text, fields)) || fields.redactText(text));
  if (bytes === original) return attachment;
  return { ...attachment, data: bytes.toString("base64"), size: bytes.length };
}

/** `bytes` read as text in `encoding`, edited and written back in it; the very same `bytes` when the edit changed nothing. */
function editText(bytes: Buffer, encoding: TextEncodingName, edit: (text: string) => string): Buffer {
  const decoded = decodeTextBytes(bytes, encoding);
  const edited = edit(decoded.text);
  return edited === decoded.text ? bytes : decoded.encode(edited);
}

function filenameOf(value: unknown): string {
  const raw = typeof value === "string" ? value : "";
  // The last path segment, without control characters: it becomes a download's filename.
  const base = replaceUnstorableText(raw).split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f"]/g, "").trim();
  return base.slice(0, MAX_FILENAME) || "attachment";
}

function contentTypeOf(value: unknown, filename: string): string {
  const given = typeof value === "string" ? value.split(";")[0].trim().toLowerCase() : "";
  if (/^[a-z0-9][\w.+-]{0,63}\/[a-z0-9][\w.+-]{0,63}$/.test(given)) return given;
  const extension = /\.([a-z0-9]{1,5})$/i.exec(filename)?.[1].toLowerCase();
  return (extension && BY_EXTENSION[extension]) || DEFAULT_TYPE;
}

function isText(contentType: string): boolean {
  return contentType.startsWith("text/") || /[/+](?:json|xml)$/.test(contentType);
}

function isJson(contentType: string): boolean {
  return /[/+]json$/.test(contentType);
}
