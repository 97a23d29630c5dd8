import { ApiError } from "@/lib/http/ApiError";
import { scrubString } from "@/lib/ingest/scrub";
import type { SensitiveFields } from "@/lib/ingest/sensitiveFields";
import { asObject, asText, clipText } from "@/lib/sentry/coerce";
import { normaliseEventId } from "@/lib/sentry/eventId";

/** What a person wrote about an error, as stored (UserFeedback in prisma/schema.prisma). */
export interface UserFeedbackInput {
  /** Idempotency key within the project: `report:<event id>` for a user_report, the feedback event's id otherwise. */
  key: string;
  /** The error event it is about; null when the feedback is not tied to one. */
  eventId: string | null;
  name: string | null;
  email: string | null;
  comments: string;
  url: string | null;
  source: "user_report" | "feedback";
}

export const MAX_FEEDBACK_COMMENTS = 8_192;
const MAX_NAME = 256;
const MAX_EMAIL = 256;
const MAX_URL = 2_048;

/**
 * A `user_report` item (Sentry.captureUserFeedback, the crash-report dialog, the mobile and .NET
 * SDKs): `{ event_id, name, email, comments }`. The event id and the comments are required (400
 * naming the field); secrets and card numbers in the text are scrubbed like an event's (NUL and
 * lone surrogates were replaced when the item's JSON was parsed).
 */
export function mapUserReport(payload: unknown, where: string): UserFeedbackInput {
  const report = asObject(payload);
  if (!report) throw ApiError.badRequest(`${where}: a user_report must be a JSON object`, { field: where });
  const eventId = normaliseEventId(report.event_id);
  if (!eventId) throw ApiError.badRequest(`${where}: user_report.event_id must be an event id (32 hex digits)`, { field: "event_id" });
  return {
    key: `report:${eventId}`,
    eventId,
    ...contact(report.name, report.email),
    comments: commentsOf(report.comments, where, "user_report.comments"),
    url: null,
    source: "user_report",
  };
}

/**
 * A `feedback` item (Sentry.captureFeedback and the feedback widget of the current SDKs): an event
 * whose `contexts.feedback` holds `{ message, name, contact_email, url, associated_event_id }`; the
 * event's user stands in for a missing name or email. The feedback's own event id is its key.
 */
export function mapFeedbackEvent(payload: unknown, where: string, fallbackEventId?: string): UserFeedbackInput {
  const event = asObject(payload);
  if (!event) throw ApiError.badRequest(`${where}: a feedback item must be a JSON object`, { field: where });
  const feedback = asObject(asObject(event.contexts)?.feedback);
  if (!feedback) throw ApiError.badRequest(`${where}: a feedback item needs contexts.feedback`, { field: "contexts.feedback" });
  const ownId = normaliseEventId(event.event_id) ?? normaliseEventId(fallbackEventId);
  if (!ownId) throw ApiError.badRequest(`${where}: feedback.event_id must be an event id (32 hex digits)`, { field: "event_id" });
  const user = asObject(event.user);
  return {
    key: ownId,
    eventId: normaliseEventId(feedback.associated_event_id) ?? null,
    ...contact(feedback.name ?? user?.name ?? user?.username, feedback.contact_email ?? user?.email),
    comments: commentsOf(feedback.message, where, "contexts.feedback.message"),
    url: scrubbed(clipText(feedback.url, MAX_URL)),
    source: "feedback",
  };
}

/**
 * `feedback` with the project's additional sensitive fields (lib/ingest/sensitiveFields.ts) hidden
 * in what the person wrote and the page's address, as in an event's message: `iban=…`, `iban: …`.
 */
export function redactFeedback(feedback: UserFeedbackInput, fields: SensitiveFields): UserFeedbackInput {
  return { ...feedback, comments: fields.redactText(feedback.comments), url: feedback.url === null ? null : fields.redactText(feedback.url) };
}

function contact(name: unknown, email: unknown): Pick<UserFeedbackInput, "name" | "email"> {
  return { name: scrubbed(clipText(name, MAX_NAME)), email: scrubbed(clipText(email, MAX_EMAIL)) };
}

function commentsOf(value: unknown, where: string, field: string): string {
  const text = asText(value)?.trim();
  if (!text) throw ApiError.badRequest(`${where}: ${field} is required: what the person wrote`, { field });
  return scrubString(text.slice(0, MAX_FEEDBACK_COMMENTS));
}

function scrubbed(text: string | undefined): string | null {
  return text === undefined ? null : scrubString(text);
}
